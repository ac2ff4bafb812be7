-- Teachers trained since the phase start up to the month's end (amount) over the country's teachers
-- (base), with the year of that count. Primary and secondary each on their own count; the total puts
-- primary + secondary trained over both counts and carries the older year. Preschool has no
-- denominator and is left out.
WITH s AS (
  SELECT
    country_code,
    coalesce(end_date, start_date) AS ended_on,
    level,
    coalesce(teachers_trained_f, 0) + coalesce(teachers_trained_m, 0) AS n
  FROM core.training_sessions, mart.build_info b
  WHERE coalesce(end_date, start_date) >= b.phase_start AND level IN ('primary', 'secondary')
),
reported AS (SELECT DISTINCT country_code FROM core.training_sessions),
trained AS (
  SELECT
    m.country_code,
    m.period,
    coalesce(sum(s.n) FILTER (WHERE s.level = 'primary'), 0) AS primary_trained,
    coalesce(sum(s.n) FILTER (WHERE s.level = 'secondary'), 0) AS secondary_trained
  FROM mart.months m
  JOIN reported r ON r.country_code = m.country_code
  LEFT JOIN s ON s.country_code = m.country_code AND s.ended_on < m.next_period
  GROUP BY ALL
)
-- A year only where there is a share: an empty cell must not look dated.
SELECT country_code, period, disaggregation, amount, base,
       CASE WHEN amount IS NOT NULL AND nullif(base, 0) IS NOT NULL THEN denominator_year END AS denominator_year
FROM (
  SELECT
    m.country_code,
    m.period,
    x.disaggregation,
    CASE x.disaggregation
      WHEN 'level=primary' THEN t.primary_trained
      WHEN 'level=secondary' THEN t.secondary_trained
      ELSE t.primary_trained + t.secondary_trained
    END AS amount,
    CASE x.disaggregation
      WHEN 'level=primary' THEN c.primary_teachers
      WHEN 'level=secondary' THEN c.secondary_teachers
      ELSE c.primary_teachers + c.secondary_teachers
    END AS base,
    CASE x.disaggregation
      WHEN 'level=primary' THEN c.primary_teachers_year
      WHEN 'level=secondary' THEN c.secondary_teachers_year
      ELSE CASE WHEN c.primary_teachers IS NOT NULL AND c.secondary_teachers IS NOT NULL
        THEN least(c.primary_teachers_year, c.secondary_teachers_year) END
    END AS denominator_year
  FROM mart.months m
  CROSS JOIN (VALUES (''), ('level=primary'), ('level=secondary')) x(disaggregation)
  LEFT JOIN trained t USING (country_code, period)
  LEFT JOIN core.countries c ON c.country_code = m.country_code
)
