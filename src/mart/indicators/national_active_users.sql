-- Active users of the national platforms in the month, rounded to the person; no export, no value.
SELECT
  m.country_code,
  m.period,
  '' AS disaggregation,
  n.mean_daily_active AS amount
FROM mart.months m
LEFT JOIN mart.national_monthly n USING (country_code, period)
