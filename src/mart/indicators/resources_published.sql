-- Resources published in the month (status date) since the phase start, total and by level. No
-- Ressources row at all for a country: no value.
WITH r AS (
  SELECT country_code, level, status_date
  FROM core.resources, mart.build_info b
  WHERE status = 'published' AND status_date >= b.phase_start
),
reported AS (SELECT DISTINCT country_code FROM core.resources),
cuts AS (
  SELECT * FROM (VALUES (''), ('level=preschool'), ('level=primary'), ('level=secondary')) v(disaggregation)
)
SELECT
  m.country_code,
  m.period,
  c.disaggregation,
  CASE WHEN p.country_code IS NOT NULL THEN count(r.status_date) END AS amount
FROM mart.months m
CROSS JOIN cuts c
LEFT JOIN reported p ON p.country_code = m.country_code
LEFT JOIN r
  ON r.country_code = m.country_code
 AND r.status_date >= m.period AND r.status_date < m.next_period
 AND (c.disaggregation = '' OR c.disaggregation = 'level=' || r.level)
GROUP BY m.country_code, m.period, c.disaggregation, p.country_code
