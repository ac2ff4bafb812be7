-- Mart tables for indicators, targets, reporting completeness and bottlenecks (src/mart/).

-- Months a country validated in its sheet (created by the sheets connector's own migration when
-- it lands first; kept here so the mart can be built without it).
CREATE TABLE IF NOT EXISTS core.month_approvals (
  country_code VARCHAR NOT NULL,
  period       DATE NOT NULL,          -- first day of the approved month
  approved_on  DATE,
  approver_key VARCHAR,                -- keyed hash of the person who approved
  load_id      VARCHAR NOT NULL
);

-- Where a monthly value stands against its pro-rata target, and the year of the denominator a
-- share was computed on (teacher counts are several years old).
ALTER TABLE mart.indicators ADD COLUMN target_status VARCHAR;     -- on_track | at_risk | off_track
ALTER TABLE mart.indicators ADD COLUMN denominator_year INTEGER;

-- What the last build was computed for: the dashboard's "as of".
CREATE TABLE mart.build_info (
  built_for   TIMESTAMPTZ NOT NULL,    -- the `now` the mart describes
  as_of       DATE NOT NULL,           -- last complete month (first day)
  phase_start DATE NOT NULL,
  phase_end   DATE NOT NULL
);

-- The catalogue, so the dashboard and exports read labels and definitions from the warehouse.
CREATE TABLE mart.indicator_catalogue (
  indicator_id    VARCHAR PRIMARY KEY,
  position        INTEGER NOT NULL,
  label_fr        VARCHAR NOT NULL,
  label_en        VARCHAR NOT NULL,
  definition_fr   VARCHAR NOT NULL,
  definition_en   VARCHAR NOT NULL,
  unit            VARCHAR NOT NULL,    -- count | percent | days | users
  kind            VARCHAR NOT NULL,    -- stock (level at month end) | flow (what happened in the month)
  phase_aggregate VARCHAR NOT NULL,    -- how the phase-to-date value is taken: last | sum | mean
  snapshot        BOOLEAN NOT NULL,    -- only the current state is known: value for the last month only
  disaggregations VARCHAR NOT NULL,    -- comma-separated dimensions: sex, level, source, platform
  target_key      VARCHAR,             -- core.targets.indicator_id it is compared with
  sources         VARCHAR NOT NULL     -- comma-separated core tables that feed it
);

-- Calendar: every country and month of the phase up to the last complete month.
CREATE TABLE mart.months (
  country_code VARCHAR NOT NULL,
  period       DATE NOT NULL,
  next_period  DATE NOT NULL,
  PRIMARY KEY (country_code, period)
);

-- Regional platform use, aggregated once per country and month.
CREATE TABLE mart.usage_monthly (
  country_code    VARCHAR NOT NULL,
  period          DATE NOT NULL,
  events          BIGINT NOT NULL,
  active_users    BIGINT NOT NULL,
  views           BIGINT NOT NULL,
  downloads       BIGINT NOT NULL,
  local_views     BIGINT NOT NULL,     -- views and downloads of resources from the country sheets
  last_event_at   TIMESTAMP NOT NULL,  -- UTC
  PRIMARY KEY (country_code, period)
);

-- National platforms, per country and month (all platforms of a country added up).
CREATE TABLE mart.national_monthly (
  country_code       VARCHAR NOT NULL,
  period             DATE NOT NULL,
  days_reported      BIGINT NOT NULL,
  mean_daily_active  DOUBLE,
  page_views         BIGINT,
  downloads          BIGINT,
  first_received_at  TIMESTAMP,        -- UTC, earliest load holding this month's figures
  PRIMARY KEY (country_code, period)
);

-- Evidence that a country sheet was edited: the spreadsheet's modified time, and every sync that
-- found changed content except the first one (which only shows when we started watching),
-- unless no modified time is known at all.
CREATE TABLE mart.sheet_updates (
  country_code VARCHAR NOT NULL,
  updated_at   TIMESTAMP NOT NULL,     -- UTC
  evidence     VARCHAR NOT NULL        -- modified | sync
);

-- Reports expected against received, per country, source (national-csv | sheet) and month.
CREATE TABLE mart.completeness (
  country_code VARCHAR NOT NULL,
  period       DATE NOT NULL,
  source       VARCHAR NOT NULL,
  expected     BOOLEAN NOT NULL,       -- the report was due (deadline passed) or has arrived
  received     BOOLEAN,                -- NULL: not measurable (before the sheet was first synced)
  on_time      BOOLEAN,
  received_at  TIMESTAMP,              -- UTC
  deadline     DATE NOT NULL,          -- day of the following month it was due by
  days_reported BIGINT,
  PRIMARY KEY (country_code, period, source)
);

-- Pro-rata target per country, target indicator and month.
CREATE TABLE mart.trajectory (
  country_code VARCHAR NOT NULL,
  target_key   VARCHAR NOT NULL,
  period       DATE NOT NULL,
  target       DOUBLE NOT NULL,
  final_target DOUBLE NOT NULL,        -- the target of the next milestone
  deadline     DATE NOT NULL,          -- that milestone's deadline
  PRIMARY KEY (country_code, target_key, period)
);

-- Phase-to-date value of every indicator, as of the last complete month.
CREATE TABLE mart.indicators_phase (
  country_code     VARCHAR NOT NULL,
  indicator_id     VARCHAR NOT NULL,
  disaggregation   VARCHAR NOT NULL,
  as_of            DATE NOT NULL,
  value            DOUBLE,
  target           DOUBLE,
  final_target     DOUBLE,
  deadline         DATE,
  target_status    VARCHAR,
  denominator_year INTEGER,
  status           VARCHAR NOT NULL    -- approved when every month of the phase so far is approved
);
