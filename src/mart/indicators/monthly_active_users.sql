-- Distinct accounts active on the regional platform in the month; no statement, no value.
SELECT
  m.country_code,
  m.period,
  '' AS disaggregation,
  u.active_users AS value,
  NULL::INTEGER AS denominator_year
FROM mart.months m
LEFT JOIN mart.usage_monthly u USING (country_code, period)
