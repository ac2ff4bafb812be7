-- Resources per status today, total and by level, on the last complete month.
WITH reported AS (SELECT DISTINCT country_code FROM core.resources),
cuts AS (
  SELECT * FROM (VALUES (''), ('level=preschool'), ('level=primary'), ('level=secondary')) v(disaggregation)
)
SELECT
  m.country_code,
  m.period,
  c.disaggregation,
  CASE WHEN p.country_code IS NOT NULL THEN count(r.country_code) FILTER (WHERE r.status = 'in_validation') END AS in_validation,
  CASE WHEN p.country_code IS NOT NULL THEN count(r.country_code) FILTER (WHERE r.status = 'validated') END AS validated,
  CASE WHEN p.country_code IS NOT NULL THEN count(r.country_code) FILTER (WHERE r.status = 'published') END AS published
FROM mart.months m
JOIN mart.build_info b ON m.period = b.as_of
CROSS JOIN cuts c
LEFT JOIN reported p ON p.country_code = m.country_code
LEFT JOIN core.resources r
  ON r.country_code = m.country_code
 AND (c.disaggregation = '' OR c.disaggregation = 'level=' || r.level)
GROUP BY m.country_code, m.period, c.disaggregation, p.country_code
