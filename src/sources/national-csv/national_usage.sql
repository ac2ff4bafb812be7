-- The file's days replace what earlier files said about the same platform and days (latest wins;
-- load_id names the file in ops.loads). Days the file does not cover keep their figures.
-- Records are numbered as in national_csv_problems.sql.
INSERT OR REPLACE INTO core.national_usage
SELECT
  $country, platform,
  CASE WHEN $granularity = 'month' THEN date_trunc('month', parsed_day)::DATE ELSE parsed_day END,
  active_users, new_users, sessions, page_views, downloads, $load_id
FROM (SELECT rowid - $first_rowid AS record, * FROM national_csv_checked) r
WHERE record > $header_record AND NOT blank AND NOT summary
  AND NOT EXISTS (SELECT 1 FROM national_csv_problems p WHERE p.record = r.record)
