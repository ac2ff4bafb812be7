-- Teachers trained in cascade sessions ended since the phase start, cumulative at month end:
-- total, by sex, by level. No Sessions row at all for a country: no value.
WITH s AS (
  SELECT
    country_code,
    coalesce(end_date, start_date) AS ended_on,
    level,
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
),
reported AS (SELECT DISTINCT country_code FROM core.training_sessions),
cuts AS (
  SELECT * FROM (VALUES (''), ('sex=F'), ('sex=M'), ('level=preschool'), ('level=primary'), ('level=secondary')) v(disaggregation)
)
SELECT
  m.country_code,
  m.period,
  c.disaggregation,
  CASE WHEN r.country_code IS NOT NULL THEN coalesce(sum(f.n), 0) END AS value,
  NULL::INTEGER AS denominator_year
FROM mart.months m
CROSS JOIN cuts c
LEFT JOIN reported r ON r.country_code = m.country_code
LEFT JOIN facts f
  ON f.country_code = m.country_code
 AND f.disaggregation = c.disaggregation
 AND f.ended_on < m.next_period
GROUP BY m.country_code, m.period, c.disaggregation, r.country_code
