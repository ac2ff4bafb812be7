-- The activities due by the month's end (cancelled ones left out) that are marked done, over all
-- those due. No activity due yet, or no Activités row at all: no value.
SELECT
  m.country_code,
  m.period,
  '' AS disaggregation,
  count(*) FILTER (WHERE a.status = 'done') AS amount,
  count(a.activity_id) AS base
FROM mart.months m
LEFT JOIN core.activities a
  ON a.country_code = m.country_code
 AND a.due_date < m.next_period
 AND a.status IS DISTINCT FROM 'cancelled'
GROUP BY ALL
