-- Trainers trained since the phase start, cumulative at month end, total and by sex; certified ones apart.
WITH t AS (
  SELECT country_code, sex, trained_on, certified
  FROM core.trainers, mart.build_info b
  WHERE trained_on >= b.phase_start
),
reported AS (SELECT DISTINCT country_code FROM core.trainers),
cuts AS (SELECT * FROM (VALUES (''), ('sex=F'), ('sex=M')) v(disaggregation))
SELECT
  m.country_code,
  m.period,
  c.disaggregation,
  CASE WHEN r.country_code IS NOT NULL THEN count(t.trained_on) END AS trained,
  CASE WHEN r.country_code IS NOT NULL THEN count(t.trained_on) FILTER (WHERE t.certified) END AS certified
FROM mart.months m
CROSS JOIN cuts c
LEFT JOIN reported r ON r.country_code = m.country_code
LEFT JOIN t
  ON t.country_code = m.country_code
 AND t.trained_on < m.next_period
 AND (c.disaggregation = '' OR c.disaggregation = 'sex=' || t.sex)
GROUP BY m.country_code, m.period, c.disaggregation, r.country_code
