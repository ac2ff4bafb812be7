-- The data records of the file, numbered from its first record (header and title lines included,
-- empty lines not, as the line breaks count them): after the header and not empty, with the day
-- (a month label's first day when the cell names no day), whether it is a totals row, and per
-- count column why it cannot be loaded (NULL when it can) and the value to load. The counts
-- placeholder holds that pair for each count column: a plain count, or a percentage of another
-- column (percentOf in the profile).
-- Views take no parameters: what they need of the file is in this one-row table.
CREATE OR REPLACE TEMP TABLE national_csv_file AS
SELECT
  min(rowid) AS first_rowid,
  $header_record::BIGINT AS header_record,
  $date_format::VARCHAR AS date_format,
  $summary::VARCHAR AS summary_pattern
FROM national_csv_rows;

CREATE OR REPLACE TEMP VIEW national_csv_days AS
SELECT
  r.rowid - f.first_rowid AS record,
  r.*,
  coalesce(r.full_day, CASE WHEN f.date_format IN ('auto', 'month') THEN
    national_csv_month_of(strip_accents(lower(trim(r.date_raw)))) END) AS parsed_day,
  f.summary_pattern
FROM national_csv_rows r, national_csv_file f
WHERE r.rowid - f.first_rowid > f.header_record AND NOT r.blank;

CREATE OR REPLACE TEMP VIEW national_csv_data AS
SELECT
  *,
  full_day IS NULL AND parsed_day IS NOT NULL AS month_label,
  CASE WHEN parsed_day IS NULL
    THEN national_csv_is_summary(date_raw, summary_pattern) OR national_csv_is_summary(first_raw, summary_pattern)
    ELSE false END AS summary,
  {{counts}}
FROM national_csv_days;

-- Stored once, narrow: every later query reads it, and would otherwise recompute the view each
-- time. A cell's text is kept only when it has a problem, for the rejects.
CREATE OR REPLACE TEMP TABLE national_csv_checked AS
SELECT
  record, platform, overflow_raw, date_raw, parsed_day, month_label, summary,
  active_users, active_users_problem, CASE WHEN active_users_problem IS NOT NULL THEN active_users_raw END AS active_users_raw,
  new_users, new_users_problem, CASE WHEN new_users_problem IS NOT NULL THEN new_users_raw END AS new_users_raw,
  sessions, sessions_problem, CASE WHEN sessions_problem IS NOT NULL THEN sessions_raw END AS sessions_raw,
  page_views, page_views_problem, CASE WHEN page_views_problem IS NOT NULL THEN page_views_raw END AS page_views_raw,
  downloads, downloads_problem, CASE WHEN downloads_problem IS NOT NULL THEN downloads_raw END AS downloads_raw
FROM national_csv_data;
