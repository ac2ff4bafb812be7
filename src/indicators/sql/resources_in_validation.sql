-- Resources in validation today, total and by level. The sheet keeps only the current status, so the value is
-- given for the last complete month only. No Ressources row at all for a country: no value.
WITH r AS (SELECT country_code, level FROM core.resources WHERE status = 'in_validation'),
reported AS (SELECT DISTINCT country_code FROM core.resources),
cuts AS (
  SELECT * FROM (VALUES (''), ('level=preschool'), ('level=primary'), ('level=secondary')) v(disaggregation)
)
SELECT
  m.country_code,
  m.period,
  c.disaggregation,
  CASE WHEN p.country_code IS NOT NULL THEN count(r.country_code) END AS value,
  NULL::INTEGER AS denominator_year
FROM mart.months m
JOIN mart.build_info b ON m.period = b.as_of
CROSS JOIN cuts c
LEFT JOIN reported p ON p.country_code = m.country_code
LEFT JOIN r
  ON r.country_code = m.country_code
 AND (c.disaggregation = '' OR c.disaggregation = 'level=' || r.level)
GROUP BY m.country_code, m.period, c.disaggregation, p.country_code
