-- Teachers trained in cascade sessions that ended in the month, since the phase start: total, by
-- sex, by level and by region (each region the country's sheet names). No Sessions row at all for a
-- country: no value.
WITH s AS (
  SELECT
    country_code,
    coalesce(end_date, start_date) AS ended_on,
    level,
    region,
    coalesce(teachers_trained_f, 0) AS f,
    coalesce(teachers_trained_m, 0) AS m
  FROM core.training_sessions, mart.build_info b
  WHERE coalesce(end_date, start_date) >= b.phase_start
),
facts AS (
  SELECT country_code, ended_on, '' AS disaggregation, f + m AS n FROM s
  UNION ALL SELECT country_code, ended_on, 'sex=F', f FROM s
  UNION ALL SELECT country_code, ended_on, 'sex=M', m FROM s
  UNION ALL SELECT country_code, ended_on, 'level=' || level, f + m FROM s WHERE level IS NOT NULL
  UNION ALL SELECT country_code, ended_on, 'region=' || region, f + m FROM s WHERE coalesce(region, '') <> ''
),
reported AS (SELECT DISTINCT country_code FROM core.training_sessions),
cuts AS (
  SELECT DISTINCT m.country_code, v.disaggregation
  FROM mart.months m,
       (VALUES (''), ('sex=F'), ('sex=M'), ('level=preschool'), ('level=primary'), ('level=secondary')) v(disaggregation)
  UNION
  SELECT DISTINCT country_code, 'region=' || region FROM core.training_sessions WHERE coalesce(region, '') <> ''
)
SELECT
  m.country_code,
  m.period,
  c.disaggregation,
  CASE WHEN r.country_code IS NOT NULL THEN coalesce(sum(f.n), 0) END AS amount
FROM mart.months m
JOIN cuts c ON c.country_code = m.country_code
LEFT JOIN reported r ON r.country_code = m.country_code
LEFT JOIN facts f
  ON f.country_code = m.country_code
 AND f.disaggregation = c.disaggregation
 AND f.ended_on >= m.period AND f.ended_on < m.next_period
GROUP BY m.country_code, m.period, c.disaggregation, r.country_code
