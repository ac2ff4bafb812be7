-- National platform exports per country and month; a month counts from its first day reported.
SELECT
  n.country_code,
  date_trunc('month', n.day)::DATE AS period,
  count(DISTINCT n.day) AS days_reported,
  sum(n.active_users) / count(DISTINCT n.day) AS mean_daily_active,
  sum(n.page_views) AS page_views,
  sum(n.downloads) AS downloads,
  min(l.started_at AT TIME ZONE 'UTC') AS first_received_at
FROM core.national_usage n
LEFT JOIN ops.loads l ON l.load_id = n.load_id
GROUP BY ALL
