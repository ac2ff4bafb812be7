-- Proxy for trained but inactive: platform accounts are not linked to the people trained, so the
-- rule compares regional monthly active users with the teachers trained through the cascade. Few
-- active users per teacher trained suggests trained teachers are not using the platform.
-- Judged from $inactive_min_trained teachers trained; no training or no usage data: info note.
WITH b AS (SELECT as_of FROM mart.build_info),
pairs AS (
  SELECT
    t.country_code,
    t.period,
    t.value AS teachers_trained,
    u.value AS active_users,
    u.value / nullif(t.value, 0) AS ratio
  FROM mart.indicators t
  JOIN mart.indicators u
    ON u.country_code = t.country_code AND u.period = t.period
   AND u.indicator_id = 'monthly_active_users' AND u.disaggregation = ''
  WHERE t.indicator_id = 'teachers_trained' AND t.disaggregation = ''
),
low AS (
  SELECT *, teachers_trained >= $inactive_min_trained AND ratio < $inactive_ratio_medium AS is_low FROM pairs
),
last_ok AS (
  SELECT country_code, max(period) AS period FROM low WHERE NOT coalesce(is_low, false) GROUP BY ALL
),
first_month AS (SELECT country_code, min(period) AS period FROM low GROUP BY ALL)
SELECT
  l.country_code,
  'trained_but_inactive' AS rule_id,
  CASE
    WHEN l.teachers_trained IS NULL OR l.active_users IS NULL THEN 'info'
    WHEN l.ratio < $inactive_ratio_high THEN 'high'
    ELSE 'medium'
  END AS severity,
  CASE WHEN l.is_low THEN coalesce((o.period + INTERVAL 1 MONTH)::DATE, f.period) END AS since,
  to_json({
    period: l.period,
    teachers_trained: l.teachers_trained,
    active_users: l.active_users,
    ratio: round(l.ratio, 3),
    no_training_data: l.teachers_trained IS NULL,
    no_usage_data: l.active_users IS NULL
  })::VARCHAR AS evidence
FROM low l
CROSS JOIN b
LEFT JOIN last_ok o USING (country_code)
LEFT JOIN first_month f USING (country_code)
WHERE l.period = b.as_of AND (l.is_low OR l.teachers_trained IS NULL OR l.active_users IS NULL)
