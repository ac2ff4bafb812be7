-- The file's days replace what earlier files said about the same platform and days (latest wins;
-- load_id names the file in ops.loads). Days the file does not cover keep their figures. The
-- table has no key index (see migration 031): the covered days are deleted, then inserted, and a
-- day given twice in the file never gets here (national_csv_problems.sql refuses it).
-- Records are numbered as in national_csv_problems.sql. Rows the one-pass insert of a large file
-- already wrote (national_usage_direct.sql, same load_id) are the file's own: they stay.
DELETE FROM core.national_usage u
USING (
  SELECT DISTINCT platform, CASE WHEN $granularity = 'month' THEN date_trunc('month', parsed_day)::DATE ELSE parsed_day END AS day
  FROM (SELECT rowid - $first_rowid AS record, * FROM national_csv_checked) r
  ANTI JOIN national_csv_problems p ON p.record = r.record
  WHERE r.record > $header_record AND NOT blank AND NOT summary
) k
WHERE u.country_code = $country AND u.platform = k.platform AND u.day = k.day AND u.load_id <> $load_id;

INSERT INTO core.national_usage
SELECT
  $country, platform,
  CASE WHEN $granularity = 'month' THEN date_trunc('month', parsed_day)::DATE ELSE parsed_day END,
  active_users, new_users, sessions, page_views, downloads, $load_id
FROM (SELECT rowid - $first_rowid AS record, * FROM national_csv_checked) r
-- A plain anti join: NOT EXISTS is planned as a correlated join that copies every row first.
ANTI JOIN national_csv_problems p ON p.record = r.record
WHERE r.record > $header_record AND NOT blank AND NOT summary;

-- When the one-pass insert already wrote every row the checks accept, only the days given twice
-- are wrong among them: all their rows go.
DELETE FROM core.national_usage u
USING (
  SELECT DISTINCT platform, CASE WHEN $granularity = 'month' THEN date_trunc('month', parsed_day)::DATE ELSE parsed_day END AS day
  FROM (SELECT rowid - $first_rowid AS record, * FROM national_csv_checked) r
  SEMI JOIN national_csv_problems p ON p.record = r.record AND p.code = 'duplicate'
) d
WHERE u.load_id = $load_id AND u.platform = d.platform AND u.day = d.day
