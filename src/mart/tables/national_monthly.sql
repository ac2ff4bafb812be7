-- National platform exports per country and month, the platforms of a country added up. A platform
-- exports either days or whole months (one row dated the 1st), as its importer recorded in
-- core.national_platforms; without that record, every row on the 1st over two months or more
-- means months. Active users are the monthly figure for those, else the mean of the daily
-- figures rounded to the person, so the platforms add up exactly; a monthly row covers its month
-- to the last day.
WITH kinds AS (
  SELECT u.country_code, u.platform,
         coalesce(any_value(p.granularity) = 'month',
                  bool_and(day(u.day) = 1) AND count(DISTINCT date_trunc('month', u.day)) >= 2) AS monthly
  FROM core.national_usage u
  LEFT JOIN core.national_platforms p USING (country_code, platform)
  GROUP BY ALL
),
per_platform AS (
  SELECT
    n.country_code,
    n.platform,
    date_trunc('month', n.day)::DATE AS period,
    CASE WHEN k.monthly THEN day(last_day(min(n.day))) ELSE count(DISTINCT n.day) END AS days_reported,
    CASE WHEN k.monthly THEN sum(n.active_users) ELSE round(sum(n.active_users) / count(DISTINCT n.day)) END AS active,
    sum(n.page_views) AS page_views,
    sum(n.downloads) AS downloads,
    min(l.started_at AT TIME ZONE 'UTC') AS first_received_at,
    CASE WHEN k.monthly THEN last_day(min(n.day)) ELSE max(n.day) END AS last_day_covered
  FROM core.national_usage n
  JOIN kinds k USING (country_code, platform)
  LEFT JOIN ops.loads l ON l.load_id = n.load_id
  GROUP BY n.country_code, n.platform, date_trunc('month', n.day), k.monthly
)
SELECT
  country_code,
  period,
  max(days_reported) AS days_reported,
  sum(active) AS mean_daily_active,
  sum(page_views) AS page_views,
  sum(downloads) AS downloads,
  min(first_received_at) AS first_received_at,
  max(last_day_covered) AS last_day_covered
FROM per_platform
GROUP BY ALL
