-- % of the activities due by the month's end (cancelled ones left out) that are marked done.
-- No activity due yet, or no Activités row at all: no value.
SELECT
  m.country_code,
  m.period,
  '' AS disaggregation,
  100.0 * count(*) FILTER (WHERE a.status = 'done') / nullif(count(a.activity_id), 0) AS value,
  NULL::INTEGER AS denominator_year
FROM mart.months m
LEFT JOIN core.activities a
  ON a.country_code = m.country_code
 AND a.due_date < m.next_period
 AND a.status IS DISTINCT FROM 'cancelled'
GROUP BY ALL
