-- One row per cell (or row) that keeps a record out of core.national_usage: its field, the text
-- as written, a problem code (see reasons.ts) and a detail for the message. Several rows for the
-- same platform and day are all refused: the file does not say which one is right.
CREATE OR REPLACE TEMP TABLE national_csv_problems AS
WITH days AS (
  SELECT
    *,
    CASE WHEN $granularity = 'month' THEN date_trunc('month', parsed_day)::DATE ELSE parsed_day END AS day,
    CASE
      WHEN coalesce(date_raw, '') = '' THEN 'date_missing'
      WHEN parsed_day IS NULL THEN 'date_invalid'
      WHEN month_label AND $granularity = 'day' THEN 'month_in_daily'
      WHEN parsed_day > $today::DATE THEN 'date_future'
    END AS date_problem
  FROM national_csv_rows
  WHERE NOT summary
), counted AS (
  SELECT
    *,
    date_problem IS NULL AND overflow_raw IS NULL AND active_users_problem IS NULL
      AND new_users_problem IS NULL AND sessions_problem IS NULL AND page_views_problem IS NULL
      AND downloads_problem IS NULL AS ok
  FROM days
), duplicates AS (
  SELECT platform, day FROM counted WHERE ok GROUP BY ALL HAVING count(*) > 1
), duplicate_rows AS (
  SELECT c.record, c.date_raw, c.platform, c.day, c.record + b.delta AS line
  FROM counted c
  JOIN duplicates USING (platform, day)
  ASOF JOIN national_csv_breaks b ON c.record >= b.record
  WHERE c.ok
)
SELECT record, 'date' AS field, date_raw AS value, date_problem AS code, strftime(day, '%d/%m/%Y') AS detail
FROM counted WHERE date_problem IS NOT NULL
UNION ALL
SELECT record, NULL, overflow_raw, 'overflow', NULL FROM counted WHERE overflow_raw IS NOT NULL
UNION ALL
SELECT record, 'active_users', active_users_raw, active_users_problem, NULL FROM counted WHERE active_users_problem IS NOT NULL
UNION ALL
SELECT record, 'new_users', new_users_raw, new_users_problem, NULL FROM counted WHERE new_users_problem IS NOT NULL
UNION ALL
SELECT record, 'sessions', sessions_raw, sessions_problem, NULL FROM counted WHERE sessions_problem IS NOT NULL
UNION ALL
SELECT record, 'page_views', page_views_raw, page_views_problem, NULL FROM counted WHERE page_views_problem IS NOT NULL
UNION ALL
SELECT record, 'downloads', downloads_raw, downloads_problem, NULL FROM counted WHERE downloads_problem IS NOT NULL
UNION ALL
SELECT record, 'date', date_raw, 'duplicate', string_agg(line::VARCHAR, ', ' ORDER BY line) OVER (PARTITION BY platform, day)
FROM duplicate_rows
