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
)
-- Cells are not trimmed here (trim() on every cell costs more than the parsing): empty fields are
-- NULL, and the parsing and checks deal with the spaces of the rare cells that have them.
SELECT
  date_raw IS NULL AND platform_raw IS NULL AND active_users_raw IS NULL AND new_users_raw IS NULL
    AND sessions_raw IS NULL AND page_views_raw IS NULL AND downloads_raw IS NULL AS blank,
  first_raw,
  coalesce(nullif(trim(platform_raw), ''), $platform) AS platform,
  overflow_raw,
  date_raw,
  CASE WHEN $date_format = 'auto' THEN national_csv_day(date_raw, $day_first, $timezone)
    ELSE national_csv_day_as(trim(date_raw), $date_format) END AS full_day,
  active_users_raw, national_csv_number(active_users_raw, $decimal) AS active_users_value,
  new_users_raw, national_csv_number(new_users_raw, $decimal) AS new_users_value,
  sessions_raw, national_csv_number(sessions_raw, $decimal) AS sessions_value,
  page_views_raw, national_csv_number(page_views_raw, $decimal) AS page_views_value,
  downloads_raw, national_csv_number(downloads_raw, $decimal) AS downloads_value
FROM records
