-- mart.indicators: each country's months from mart.indicator_periods, as the dashboard charts them:
-- the running total of a cumulative indicator (trainers trained since the phase start…), else the
-- month's figure; the pro-rata target on the total row, where the figure stands against it, and
-- whether the country approved the month in its sheet.
SELECT
  p.country_code,
  p.period_start AS period,
  p.indicator_id,
  CASE WHEN c.cumulative THEN p.running_total ELSE p.value END AS value,
  p.target,
  p.disaggregation,
  p.status,
  p.target_status,
  p.denominator_year
FROM mart.indicator_periods p
JOIN mart.indicator_catalogue c USING (indicator_id)
WHERE p.period_type = 'month' AND p.country_code <> 'ALL'
