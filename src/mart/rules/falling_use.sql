-- Three-month trend of regional monthly active users: the mean of the last three complete months
-- against the mean of the three before. A drop of $falling_drop_medium or more is medium, of
-- $falling_drop_high or more high. Fewer than six months with a value: info note.
WITH b AS (SELECT as_of FROM mart.build_info),
mau AS (
  SELECT i.country_code, i.period, i.value, datediff('month', i.period, b.as_of) AS back
  FROM mart.indicators i, b
  WHERE i.indicator_id = 'monthly_active_users' AND i.disaggregation = '' AND datediff('month', i.period, b.as_of) < 6
),
windows AS (
  SELECT
    country_code,
    avg(value) FILTER (WHERE back < 3) AS recent_mean,
    avg(value) FILTER (WHERE back >= 3) AS previous_mean,
    count(value) AS months_with_value,
    list(value ORDER BY period) FILTER (WHERE back < 3) AS recent,
    list(value ORDER BY period) FILTER (WHERE back >= 3) AS previous
  FROM mau GROUP BY ALL
),
trend AS (SELECT *, 1 - recent_mean / nullif(previous_mean, 0) AS drop FROM windows)
SELECT
  t.country_code,
  'falling_use' AS rule_id,
  CASE WHEN t.months_with_value < 6 THEN 'info' WHEN t.drop >= $falling_drop_high THEN 'high' ELSE 'medium' END AS severity,
  CASE WHEN t.months_with_value < 6 THEN NULL ELSE (b.as_of - INTERVAL 2 MONTH)::DATE END AS since,
  to_json({
    recent: t.recent,
    previous: t.previous,
    recent_mean: round(t.recent_mean, 1),
    previous_mean: round(t.previous_mean, 1),
    drop: round(t.drop, 3),
    months_with_value: t.months_with_value,
    no_data: t.months_with_value < 6
  })::VARCHAR AS evidence
FROM trend t
CROSS JOIN b
WHERE t.months_with_value < 6 OR t.drop >= $falling_drop_medium
