-- The three dates of a source (DESIGN.md, "Dates of a source"): when whoever keeps it last edited
-- it, when its current content first reached the warehouse, and the latest period it reports.

-- Each place a source reads (a spreadsheet tab, a file), as ops.loads names it: when it was last
-- edited (Drive's modifiedTime for a Google Sheet, the file's modification time otherwise) and, for
-- a Google Sheet, the address of the tab a person opens.
CREATE TABLE ops.source_locations (
  source       VARCHAR NOT NULL,
  location     VARCHAR NOT NULL,
  country_code VARCHAR,
  edited_at    TIMESTAMPTZ,
  url          VARCHAR,               -- https://docs.google.com/spreadsheets/d/ID/edit#gid=GID
  seen_at      TIMESTAMPTZ NOT NULL,  -- the run that last looked at it
  PRIMARY KEY (source, location)
);

-- The months a country sheet's rows are about, with when a row of each first reached the
-- warehouse: a month's report is timed by it (mart.completeness), and the months a tab's first
-- load brought are its back-filled history.
CREATE TABLE core.sheet_months (
  country_code  VARCHAR NOT NULL,
  tab           VARCHAR NOT NULL,
  period        DATE NOT NULL,         -- first day of the month
  first_load_id VARCHAR NOT NULL,
  first_seen_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (country_code, tab, period)
);

-- Per source and country: last_edited, last_loaded (the latest commit of new content: a re-read
-- of unchanged content is skipped, so this is when the current content first arrived) and
-- latest_reported (the latest day the data describes; sheets never count a date after the day
-- they were read, so a future due date is not reported data).
CREATE VIEW ops.source_dates AS
WITH usage_loads AS (
  -- A usage file holds many countries (its load has none): the loads that brought each one's events.
  SELECT DISTINCT load_id, country_code FROM raw.xapi_statements
),
edited AS (
  SELECT source, country_code, max(edited_at) AS last_edited
  FROM ops.source_locations WHERE country_code IS NOT NULL
  GROUP BY ALL
  UNION ALL
  SELECT l.source, u.country_code, max(s.edited_at)
  FROM usage_loads u
  JOIN ops.loads l USING (load_id)
  JOIN ops.source_locations s ON s.source = l.source AND s.location = l.location
  WHERE l.country_code IS NULL
  GROUP BY ALL
),
loaded AS (
  SELECT source, country_code, max(finished_at) AS last_loaded
  FROM ops.loads
  WHERE status IN ('loaded', 'loaded_with_rejects') AND country_code IS NOT NULL
  GROUP BY ALL
  UNION ALL
  SELECT l.source, u.country_code, max(l.finished_at)
  FROM usage_loads u
  JOIN ops.loads l USING (load_id)
  WHERE l.country_code IS NULL
  GROUP BY ALL
),
reported AS (
  SELECT source, country_code, max(occurred_at)::DATE AS latest_reported FROM core.usage_events GROUP BY ALL
  UNION ALL
  SELECT 'national-csv', country_code, max(day) FROM core.national_usage GROUP BY ALL
  UNION ALL
  SELECT 'sheet', country_code, max(modified_at)::DATE FROM core.sheet_syncs WHERE country_code <> 'regional' GROUP BY ALL
)
SELECT source, country_code, max(last_edited) AS last_edited, max(last_loaded) AS last_loaded, max(latest_reported) AS latest_reported
FROM (
  SELECT source, country_code, last_edited, NULL::TIMESTAMPTZ AS last_loaded, NULL::DATE AS latest_reported FROM edited
  UNION ALL BY NAME SELECT source, country_code, last_loaded FROM loaded
  UNION ALL BY NAME SELECT source, country_code, latest_reported FROM reported
)
WHERE source <> 'reference'
GROUP BY source, country_code;
