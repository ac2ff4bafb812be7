-- One row per cell (or row) that keeps a record out of core.national_usage: its field, the text
-- as written, a problem code (see reasons.ts) and a detail for the message. Several rows for the
-- same platform and day are all refused: the file does not say which one is right. The file is
-- scanned twice, once for rows with a problem (few, kept) and once for days repeated among the
-- others. Records are numbered from the file's first (see national_csv_checked.sql); $break_records
-- and $break_deltas map them to lines.
CREATE OR REPLACE TEMP TABLE national_csv_problems AS
WITH days AS (
  SELECT
    *,
    CASE WHEN $granularity = 'month' THEN date_trunc('month', parsed_day)::DATE ELSE parsed_day END AS day,
    CASE
      WHEN parsed_day IS NULL THEN CASE WHEN coalesce(trim(date_raw), '') = '' THEN 'date_missing' ELSE 'date_invalid' END
      WHEN month_label AND $granularity = 'day' THEN 'month_in_daily'
      WHEN parsed_day > $today::DATE THEN 'date_future'
    END AS date_problem
  FROM (SELECT rowid - $first_rowid AS record, * FROM national_csv_checked)
  WHERE record > $header_record AND NOT blank AND NOT summary
), breaks AS (
  SELECT unnest($break_records) AS record, unnest($break_deltas) AS delta
), bad AS MATERIALIZED (
  SELECT * FROM days
  WHERE date_problem IS NOT NULL OR cell_problems IS NOT NULL
), loadable AS (
  SELECT * FROM days WHERE date_problem IS NULL AND cell_problems IS NULL
), duplicates AS (
  -- Not when the one-pass insert of a large file already found every day once ($days_once).
  SELECT platform, day FROM loadable WHERE NOT $days_once GROUP BY ALL HAVING count(*) > 1
), duplicate_rows AS (
  SELECT d.record, d.date_raw, d.platform, d.day, d.record + b.delta AS line
  FROM loadable d
  SEMI JOIN duplicates USING (platform, day)
  ASOF JOIN breaks b ON d.record >= b.record
)
SELECT record, 'date' AS field, date_raw AS value, date_problem AS code, strftime(day, '%d/%m/%Y') AS detail
FROM bad WHERE date_problem IS NOT NULL
UNION ALL
SELECT record, cell.field, cell.value, cell.code, NULL
FROM (SELECT record, unnest(cell_problems) AS cell FROM bad WHERE cell_problems IS NOT NULL)
UNION ALL
SELECT record, 'date', date_raw, 'duplicate', string_agg(line::VARCHAR, ', ' ORDER BY line) OVER (PARTITION BY platform, day)
FROM duplicate_rows
