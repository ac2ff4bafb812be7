-- Mean daily active users over the days the national exports report; no export, no value.
SELECT
  m.country_code,
  m.period,
  '' AS disaggregation,
  n.mean_daily_active AS value,
  NULL::INTEGER AS denominator_year
FROM mart.months m
LEFT JOIN mart.national_monthly n USING (country_code, period)
