-- The country's range of days before the file: when the file's days fall outside it, there is
-- nothing to replace. Read before the insert, it does not scan the file's own rows.
SELECT min(day) AS first_day, max(day) AS last_day FROM core.national_usage WHERE country_code = $country;

-- Large files in one pass: the rows the checks accept go straight from the CSV reader into
-- core.national_usage, with no temporary table and no record numbers, so DuckDB reads, parses and
-- writes on every core. When every data record was loaded and no day is given twice (the next
-- statement), the file is done; otherwise the full way (national_csv_checked, problems, rejects)
-- numbers the records and keeps these rows but those of days given twice. Records up to the
-- header are read too: load.ts only comes here when none has a digit in its date column, so none
-- can load.
-- The checked placeholder is national_csv_checked.sql; the granularity is "month" only when the
-- profile says so (with "auto", a file of month labels loads nothing here and takes the full way).
-- random() makes the projection volatile, which keeps DuckDB from copying the checks into a filter
-- below it, where the inlined macros would parse every cell again.
INSERT INTO core.national_usage
SELECT
  $country, platform,
  CASE WHEN $granularity = 'month' THEN date_trunc('month', parsed_day)::DATE ELSE parsed_day END,
  active_users, new_users, sessions, page_views, downloads, $load_id
FROM (
  SELECT *, CASE WHEN random() >= 0 THEN national_csv_loadable(cell_problems, parsed_day, month_label, $today::DATE, $granularity) END AS loadable
  FROM ({{checked}})
)
WHERE loadable;

-- What the insert loaded: whether its platform and day pairs are all different (by hash: a
-- collision only makes the full way look for days given twice), its range of days, its platforms
-- and whether they are all trimmed and not empty (as the full way would store them). Lists of days
-- per platform cost less but hold every day outside DuckDB's memory limit.
SELECT *, list_bool_and(list_transform(platforms, p -> p <> '' AND p = trim(p))) AS trimmed
FROM (
  SELECT
    count(DISTINCT hash(platform, day)) = count(*) AS unique_days,
    min(day) AS first_day, max(day) AS last_day, list(DISTINCT platform) AS platforms
  FROM core.national_usage
  WHERE load_id = $load_id
);

-- The file's days replace what earlier files said about them (see national_usage.sql).
DELETE FROM core.national_usage u
USING (SELECT DISTINCT platform, day FROM core.national_usage WHERE load_id = $load_id) k
WHERE u.country_code = $country AND u.platform = k.platform AND u.day = k.day AND u.load_id <> $load_id;

-- Which platforms the country reports on (see national_platforms.sql).
INSERT OR REPLACE INTO core.national_platforms
SELECT $country, unnest($platforms), $granularity, $load_id
