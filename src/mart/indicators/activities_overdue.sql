-- Activities past their due date and still planned, in progress or postponed, today (last month
-- only). No Activités row at all for a country: no value.
WITH reported AS (SELECT DISTINCT country_code FROM core.activities)
SELECT
  m.country_code,
  m.period,
  '' AS disaggregation,
  CASE WHEN p.country_code IS NOT NULL THEN count(a.activity_id) END AS amount
FROM mart.months m
JOIN mart.build_info b ON m.period = b.as_of
LEFT JOIN reported p ON p.country_code = m.country_code
LEFT JOIN core.activities a
  ON a.country_code = m.country_code
 AND a.due_date < (b.built_for AT TIME ZONE 'UTC')::DATE
 AND a.status IN ('planned', 'in_progress', 'postponed')
GROUP BY m.country_code, m.period, p.country_code
