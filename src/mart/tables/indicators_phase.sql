-- Phase-to-date figure of each indicator and country as of the last complete month: the phase row
-- of mart.indicator_periods ending then. The target is the trajectory at that month and the next
-- milestone; the standing is the phase row's, or, for a target set on months (monthly active
-- users), the last month's figure against it.
WITH b AS (SELECT as_of, last_day(as_of) AS period_end FROM mart.build_info)
SELECT
  p.country_code,
  p.indicator_id,
  p.disaggregation,
  b.as_of,
  p.value,
  t.target,
  t.final_target,
  t.deadline,
  coalesce(p.target_status, m.target_status) AS target_status,
  p.denominator_year,
  p.status
FROM mart.indicator_periods p
CROSS JOIN b
JOIN mart.indicator_catalogue c USING (indicator_id)
LEFT JOIN mart.indicator_periods m
  ON m.country_code = p.country_code AND m.indicator_id = p.indicator_id AND m.disaggregation = p.disaggregation
 AND m.period_type = 'month' AND m.period_end = b.period_end
LEFT JOIN mart.trajectory t
  ON p.disaggregation = ''
 AND t.country_code = p.country_code
 AND t.target_key = c.target_key
 AND t.period = b.as_of
WHERE p.period_type = 'phase' AND p.period_end = b.period_end AND p.country_code <> 'ALL'
