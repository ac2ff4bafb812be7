-- One row per record of the file, read once, in file order: every cell that maps to
-- core.national_usage as written and as parsed. Each parsing expression appears once here and
-- is stored: DuckDB inlines macros and CTEs, so deriving checks from them in the same query would
-- parse each cell several times. Rows are neither numbered nor filtered here, so that the reader
-- and the parsing run on every core; the insertion order is the file order, so rowid minus the
-- first rowid is the record's index (see national_csv_data.sql).
-- Placeholders: the cells one names which file column (c0, c1, ... in file order) holds which
-- field; the columns one declares every column as text.
CREATE OR REPLACE TEMP TABLE national_csv_rows AS
WITH records AS (
  SELECT {{cells}}
  FROM read_csv(
    $path,
    auto_detect = false, header = false, all_varchar = true,
    delim = $delimiter, quote = '"', escape = '"',
    null_padding = true, strict_mode = false, parallel = $parallel,
    columns = {{columns}}
  )
), cells AS (
  SELECT
    first_raw, platform_raw, overflow_raw, trim(date_raw) AS date_raw,
    trim(active_users_raw) AS active_users_raw, trim(new_users_raw) AS new_users_raw,
    trim(sessions_raw) AS sessions_raw, trim(page_views_raw) AS page_views_raw,
    trim(downloads_raw) AS downloads_raw
  FROM records
)
SELECT
  coalesce(date_raw, '') = '' AND coalesce(trim(platform_raw), '') = ''
    AND coalesce(active_users_raw, '') = '' AND coalesce(new_users_raw, '') = ''
    AND coalesce(sessions_raw, '') = '' AND coalesce(page_views_raw, '') = ''
    AND coalesce(downloads_raw, '') = '' AS blank,
  first_raw,
  coalesce(nullif(trim(platform_raw), ''), $platform) AS platform,
  CASE WHEN coalesce(trim(overflow_raw), '') <> '' THEN overflow_raw END AS overflow_raw,
  date_raw,
  CASE WHEN $date_format = 'auto' THEN national_csv_day(date_raw, $day_first, $timezone)
    ELSE national_csv_day_as(date_raw, $date_format) END AS full_day,
  active_users_raw, national_csv_number(active_users_raw, $decimal) AS active_users_value,
  new_users_raw, national_csv_number(new_users_raw, $decimal) AS new_users_value,
  sessions_raw, national_csv_number(sessions_raw, $decimal) AS sessions_value,
  page_views_raw, national_csv_number(page_views_raw, $decimal) AS page_views_value,
  downloads_raw, national_csv_number(downloads_raw, $decimal) AS downloads_value
FROM cells
