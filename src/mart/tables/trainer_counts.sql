-- Trainers trained in each month since the phase start (training date), total, by sex and by
-- region (each region the country's sheet names); certified ones apart.
WITH t AS (
  SELECT country_code, sex, region, trained_on, certified
  FROM core.trainers, mart.build_info b
  WHERE trained_on >= b.phase_start
),
reported AS (SELECT DISTINCT country_code FROM core.trainers),
cuts AS (
  SELECT DISTINCT m.country_code, v.disaggregation
  FROM mart.months m, (VALUES (''), ('sex=F'), ('sex=M')) v(disaggregation)
  UNION
  SELECT DISTINCT country_code, 'region=' || region FROM core.trainers WHERE coalesce(region, '') <> ''
)
SELECT
  m.country_code,
  m.period,
  c.disaggregation,
  CASE WHEN r.country_code IS NOT NULL THEN count(t.trained_on) END AS trained,
  CASE WHEN r.country_code IS NOT NULL THEN count(t.trained_on) FILTER (WHERE t.certified) END AS certified
FROM mart.months m
JOIN cuts c ON c.country_code = m.country_code
LEFT JOIN reported r ON r.country_code = m.country_code
LEFT JOIN t
  ON t.country_code = m.country_code
 AND t.trained_on >= m.period AND t.trained_on < m.next_period
 AND (c.disaggregation = '' OR c.disaggregation = 'sex=' || t.sex OR c.disaggregation = 'region=' || t.region)
GROUP BY m.country_code, m.period, c.disaggregation, r.country_code
