-- The mart's tables, created anew by every build (src/mart/build.ts) before they are filled: the
-- mart is derived from core alone, so a change of shape here needs no migration. Migrations 001
-- and 040–043 created the same tables, column for column, in warehouses made before this file;
-- the dashboard and exports read them by these names and columns (DESIGN.md).

-- What the last build was computed for: the dashboard's "as of".
CREATE OR REPLACE TABLE mart.build_info (
  built_for   TIMESTAMPTZ NOT NULL,    -- the `now` the mart describes
  as_of       DATE NOT NULL,           -- last complete month (first day)
  phase_start DATE NOT NULL,
  phase_end   DATE NOT NULL
);

-- The catalogue, so the dashboard and exports read labels and definitions from the warehouse.
CREATE OR REPLACE TABLE mart.indicator_catalogue (
  indicator_id    VARCHAR PRIMARY KEY,
  position        INTEGER NOT NULL,
  label_fr        VARCHAR NOT NULL,
  label_en        VARCHAR NOT NULL,
  definition_fr   VARCHAR NOT NULL,
  definition_en   VARCHAR NOT NULL,
  unit            VARCHAR NOT NULL,    -- count | percent | days | users
  kind            VARCHAR NOT NULL,    -- stock (level at month end) | flow (what happened in the month)
  phase_aggregate VARCHAR NOT NULL,    -- how the phase-to-date value is taken: last | sum | mean | median
  snapshot        BOOLEAN NOT NULL,    -- only the current state is known: value for the last month only
  disaggregations VARCHAR NOT NULL,    -- comma-separated dimensions: sex, level, source, platform
  target_key      VARCHAR,             -- core.targets.indicator_id it is compared with
  sources         VARCHAR NOT NULL     -- comma-separated core tables that feed it
);

-- Calendar: every country and month of the phase up to the last complete month.
CREATE OR REPLACE TABLE mart.months (
  country_code VARCHAR NOT NULL,
  period       DATE NOT NULL,
  next_period  DATE NOT NULL,
  PRIMARY KEY (country_code, period)
);

-- Regional platform use, aggregated once per country and month.
CREATE OR REPLACE TABLE mart.usage_monthly (
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
CREATE OR REPLACE TABLE mart.national_monthly (
  country_code       VARCHAR NOT NULL,
  period             DATE NOT NULL,
  days_reported      BIGINT NOT NULL,
  mean_daily_active  DOUBLE,
  page_views         BIGINT,
  downloads          BIGINT,
  first_received_at  TIMESTAMP,        -- UTC, earliest load holding this month's figures
  last_day_covered   DATE,             -- exports come as days or whole months: the last day covered
  PRIMARY KEY (country_code, period)
);

-- Evidence that a country sheet was edited: the spreadsheet's modified time, and every sync that
-- found changed content except the first one (which only shows when we started watching),
-- unless no modified time is known at all.
CREATE OR REPLACE TABLE mart.sheet_updates (
  country_code VARCHAR NOT NULL,
  updated_at   TIMESTAMP NOT NULL,     -- UTC
  evidence     VARCHAR NOT NULL        -- modified | sync
);

-- Reports expected against received, per country, source (national-csv | sheet) and month.
CREATE OR REPLACE TABLE mart.completeness (
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
CREATE OR REPLACE TABLE mart.trajectory (
  country_code VARCHAR NOT NULL,
  target_key   VARCHAR NOT NULL,
  period       DATE NOT NULL,
  target       DOUBLE NOT NULL,
  final_target DOUBLE NOT NULL,        -- the target of the next milestone
  deadline     DATE NOT NULL,          -- that milestone's deadline
  PRIMARY KEY (country_code, target_key, period)
);

-- Publication lead time of each published resource, read from core.resource_status_history: what
-- the publication_lead_time_days indicator takes the median of, kept per resource so a snapshot
-- as of an earlier date can take it again.
CREATE OR REPLACE TABLE mart.publication_lead_times (
  country_code      VARCHAR NOT NULL,
  resource_id       VARCHAR NOT NULL,
  first_status      VARCHAR NOT NULL,    -- the earliest status recorded before publication
  first_status_date DATE NOT NULL,
  published_on      DATE NOT NULL,
  lead_time_days    INTEGER NOT NULL,
  PRIMARY KEY (country_code, resource_id)
);

-- Resources per status as the sheets stand today, by country and level, for the last complete
-- month (the sheet keeps only current statuses). Counts are NULL for a country with no
-- Ressources row at all: no value rather than zero.
CREATE OR REPLACE TABLE mart.resource_stock (
  country_code   VARCHAR NOT NULL,
  period         DATE NOT NULL,
  disaggregation VARCHAR NOT NULL,
  in_validation  BIGINT,
  validated      BIGINT,
  published      BIGINT
);

-- Trainers trained since the phase start, cumulative at each month's end, total and by sex, and
-- how many of them are certified. NULL for a country with no Formateurs row at all.
CREATE OR REPLACE TABLE mart.trainer_counts (
  country_code   VARCHAR NOT NULL,
  period         DATE NOT NULL,
  disaggregation VARCHAR NOT NULL,
  trained        BIGINT,
  certified      BIGINT
);

-- Every indicator's values for this build, one src/mart/indicators/<id>.sql each; rows with no
-- period are phase-to-date values (a median over the phase). Read by mart.indicators and
-- mart.indicators_phase, dropped at the end of the build.
CREATE OR REPLACE TEMP TABLE indicator_values (
  indicator_id     VARCHAR,
  country_code     VARCHAR,
  period           DATE,
  disaggregation   VARCHAR,
  value            DOUBLE,
  denominator_year INTEGER
);

-- Every indicator per country and month. target_status: where the value stands against its
-- pro-rata target; denominator_year: the year of the count a share was computed on (teacher
-- counts are several years old).
CREATE OR REPLACE TABLE mart.indicators (
  country_code     VARCHAR NOT NULL,
  period           DATE NOT NULL,      -- first day of the month
  indicator_id     VARCHAR NOT NULL,
  value            DOUBLE,
  target           DOUBLE,
  disaggregation   VARCHAR NOT NULL DEFAULT '',
  status           VARCHAR NOT NULL,   -- provisional | approved
  target_status    VARCHAR,            -- on_track | at_risk | off_track
  denominator_year INTEGER
);

-- Phase-to-date value of every indicator, as of the last complete month.
CREATE OR REPLACE TABLE mart.indicators_phase (
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

-- Bottleneck flags, one src/mart/rules/<rule_id>.sql each, with their message in both languages.
CREATE OR REPLACE TABLE mart.bottlenecks (
  country_code VARCHAR NOT NULL,
  rule_id      VARCHAR NOT NULL,
  severity     VARCHAR NOT NULL,       -- info | low | medium | high
  since        DATE,
  evidence     VARCHAR NOT NULL,       -- JSON object with the numbers behind the flag
  message_fr   VARCHAR NOT NULL,
  message_en   VARCHAR NOT NULL,
  flag_id      VARCHAR                 -- stable id: country/rule, then the indicator or source it is about (ML/stale_data/sheet)
);

-- The bottleneck rules, so the dashboard and the note read labels and recommended actions from the warehouse.
CREATE OR REPLACE TABLE mart.rule_catalogue (
  rule_id   VARCHAR PRIMARY KEY,
  position  INTEGER NOT NULL,
  label_fr  VARCHAR NOT NULL,
  label_en  VARCHAR NOT NULL,
  action_fr VARCHAR NOT NULL,
  action_en VARCHAR NOT NULL
);

-- The history of flags: the months checked and the flags found are kept across builds (created
-- once, never replaced; a build rewrites only the month it describes); the episodes are rebuilt.
-- Months a build recorded flags for: a month with no flag is still a month the flags were checked.
CREATE TABLE IF NOT EXISTS mart.flag_months (
  period    DATE PRIMARY KEY,          -- the month described (mart.build_info.as_of)
  built_for TIMESTAMPTZ NOT NULL       -- the `now` of the last build that described it
);

-- Every flag (info notes left out) a build found for its month.
CREATE TABLE IF NOT EXISTS mart.flag_observations (
  period       DATE NOT NULL,
  flag_id      VARCHAR NOT NULL,
  country_code VARCHAR NOT NULL,
  rule_id      VARCHAR NOT NULL,
  subject      VARCHAR,                -- indicator id or source; NULL for one flag per country
  severity     VARCHAR NOT NULL,
  since        DATE,                   -- what the rule itself said
  evidence     VARCHAR NOT NULL,
  message_fr   VARCHAR NOT NULL,
  message_en   VARCHAR NOT NULL,
  PRIMARY KEY (period, flag_id)
);

-- One row per episode of a flag: the first and last month it was found, and the first month
-- checked after that in which it was gone (NULL while it holds, or before the next month is built).
CREATE OR REPLACE TABLE mart.flag_history (
  flag_id        VARCHAR NOT NULL,
  country_code   VARCHAR NOT NULL,
  rule_id        VARCHAR NOT NULL,
  subject        VARCHAR,
  first_month    DATE NOT NULL,
  last_month     DATE NOT NULL,
  resolved_month DATE,
  since          DATE NOT NULL,        -- first month the condition held (the rule's own date when history starts with it)
  months         INTEGER NOT NULL,     -- months found in this episode
  severity       VARCHAR NOT NULL,     -- at its last month
  message_fr     VARCHAR NOT NULL,     -- at its last month
  message_en     VARCHAR NOT NULL,
  PRIMARY KEY (flag_id, first_month)
);
