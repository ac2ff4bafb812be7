-- Every record of the file in one pass, in file order (header, title and empty lines included,
-- so that rowid minus the first rowid is the record's index as the line breaks count them):
-- the day, whether it is a totals row, and per count column the value to load and why it cannot
-- be (NULL when it can). Each step is its own projection, so each cell is parsed once. The table
-- is narrow: the cells that cannot be loaded (field, problem code, text as written) are one list,
-- NULL on the rows that have none, so memory does not grow with columns that are nearly all NULL.
-- Placeholders (filled by checkedSql in load.ts): the cells name which file column (c0, c1, ... in
-- file order) holds which field; the platform is trimmed, or as written for the direct insert
-- (which checks its few values afterwards); the columns declare every column as text; the day and month
-- read the date as the profile's dateFormat says; the numbers parse the count cells (the values
-- name them when the numbers are a list); the counts are the value and problem pair of each count
-- column (a plain count, or a percentage of another column: percentOf in the profile).
-- load.ts inserts the loadable rows of a large file straight from this query
-- (national_usage_direct.sql), or keeps every row in the TEMP table national_csv_checked.
WITH records AS (
  SELECT {{cells}}
  FROM read_csv(
    $path,
    auto_detect = false, header = false, all_varchar = true,
    delim = $delimiter, quote = '"', escape = '"',
    null_padding = true, strict_mode = false, parallel = $parallel,
    columns = {{columns}}
  )
),
-- Cells are not trimmed here (trim() on every cell costs more than the parsing): empty fields are
-- NULL, and the parsing and checks deal with the spaces of the rare cells that have them.
parsed AS (
  SELECT
    date_raw IS NULL AND platform_raw IS NULL AND active_users_raw IS NULL AND new_users_raw IS NULL
      AND sessions_raw IS NULL AND page_views_raw IS NULL AND downloads_raw IS NULL AS blank,
    first_raw,
    {{platform}} AS platform,
    overflow_raw,
    date_raw,
    {{day}} AS full_day,
    active_users_raw, new_users_raw, sessions_raw, page_views_raw, downloads_raw,
    {{numbers}}
  FROM records
),
-- A month label's first day when the cell names no day.
days AS (
  SELECT
    *,
    coalesce(full_day, {{month}}) AS parsed_day{{values}}
  FROM parsed
),
data AS (
  SELECT
    *,
    full_day IS NULL AND parsed_day IS NOT NULL AS month_label,
    CASE WHEN parsed_day IS NULL
      THEN national_csv_is_summary(date_raw, $summary) OR national_csv_is_summary(first_raw, $summary)
      ELSE false END AS summary,
    {{counts}}
  FROM days
)
SELECT
  blank, platform, date_raw, parsed_day, month_label, summary,
  active_users, new_users, sessions, page_views, downloads,
  CASE WHEN overflow IS NOT NULL OR active_users_problem IS NOT NULL OR new_users_problem IS NOT NULL
      OR sessions_problem IS NOT NULL OR page_views_problem IS NOT NULL OR downloads_problem IS NOT NULL
    THEN list_filter([
      {'field': NULL, 'code': CASE WHEN overflow IS NOT NULL THEN 'overflow' END, 'value': overflow},
      {'field': 'active_users', 'code': active_users_problem, 'value': active_users_raw},
      {'field': 'new_users', 'code': new_users_problem, 'value': new_users_raw},
      {'field': 'sessions', 'code': sessions_problem, 'value': sessions_raw},
      {'field': 'page_views', 'code': page_views_problem, 'value': page_views_raw},
      {'field': 'downloads', 'code': downloads_problem, 'value': downloads_raw}
    ], p -> p.code IS NOT NULL)
  END AS cell_problems
FROM (SELECT *, nullif(trim(overflow_raw), '') AS overflow FROM data)
