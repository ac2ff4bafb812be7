-- One row per non-empty record after the file's header, read once: the day and counts as parsed,
-- why a count cannot be loaded (NULL when it can), and the text of every cell that has a problem,
-- kept for the rejects. Typed and narrow, so that a million-row export stays cheap to hold.
-- Placeholders: the cells one names which file column (c0, c1, ... in file order) holds which
-- field; the columns one declares every column as text; the counts one holds one line per count
-- column, a plain count or a percentage of another column (percentOf in the profile).
CREATE OR REPLACE TEMP TABLE national_csv_rows AS
WITH records AS (
  SELECT row_number() OVER () - 1 AS record, {{cells}}
  FROM read_csv(
    $path,
    auto_detect = false, header = false, all_varchar = true,
    delim = $delimiter, quote = '"', escape = '"',
    null_padding = true, strict_mode = false, parallel = $parallel,
    columns = {{columns}}
  )
), cells AS (
  SELECT
    record, first_raw, platform_raw, overflow_raw, trim(date_raw) AS date_raw,
    trim(active_users_raw) AS active_users_raw, trim(new_users_raw) AS new_users_raw,
    trim(sessions_raw) AS sessions_raw, trim(page_views_raw) AS page_views_raw,
    trim(downloads_raw) AS downloads_raw
  FROM records
  WHERE record > $header_record
), parsed AS (
  SELECT
    *,
    CASE WHEN $date_format = 'auto' THEN national_csv_day(date_raw, $day_first, $timezone)
      ELSE national_csv_day_as(date_raw, $date_format) END AS full_day,
    national_csv_number(active_users_raw, $decimal) AS active_users_value,
    national_csv_number(new_users_raw, $decimal) AS new_users_value,
    national_csv_number(sessions_raw, $decimal) AS sessions_value,
    national_csv_number(page_views_raw, $decimal) AS page_views_value,
    national_csv_number(downloads_raw, $decimal) AS downloads_value
  FROM cells
  WHERE coalesce(date_raw, '') <> '' OR coalesce(trim(platform_raw), '') <> ''
    OR coalesce(active_users_raw, '') <> '' OR coalesce(new_users_raw, '') <> ''
    OR coalesce(sessions_raw, '') <> '' OR coalesce(page_views_raw, '') <> ''
    OR coalesce(downloads_raw, '') <> ''
), checked AS (
  SELECT
    *,
    coalesce(full_day, CASE WHEN $date_format IN ('auto', 'month') THEN
      national_csv_month_of(strip_accents(lower(date_raw))) END) AS parsed_day,
    {{problems}}
  FROM parsed
)
SELECT
  record,
  coalesce(nullif(trim(platform_raw), ''), $platform) AS platform,
  date_raw,
  parsed_day,
  full_day IS NULL AND parsed_day IS NOT NULL AS month_label,
  CASE WHEN parsed_day IS NULL
    THEN national_csv_is_summary(date_raw, $summary) OR national_csv_is_summary(first_raw, $summary)
    ELSE false END AS summary,
  CASE WHEN coalesce(trim(overflow_raw), '') <> '' THEN overflow_raw END AS overflow_raw,
  {{counts}}
FROM checked
