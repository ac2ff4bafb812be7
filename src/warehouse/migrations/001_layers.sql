-- The four layers of the warehouse and the operational tables every load writes to.
CREATE SCHEMA IF NOT EXISTS raw;
CREATE SCHEMA IF NOT EXISTS core;
CREATE SCHEMA IF NOT EXISTS mart;
CREATE SCHEMA IF NOT EXISTS ops;

-- One row per batch, whether it loaded, was skipped as already seen, or failed.
CREATE TABLE ops.loads (
  load_id        VARCHAR PRIMARY KEY,
  source         VARCHAR NOT NULL,   -- xapi, moodle-log, national-csv, sheet, reference
  location       VARCHAR NOT NULL,   -- file path, URL or spreadsheet!tab
  country_code   VARCHAR,
  content_sha256 VARCHAR,
  started_at     TIMESTAMPTZ NOT NULL,
  finished_at    TIMESTAMPTZ,
  status         VARCHAR NOT NULL,   -- loaded, loaded_with_rejects, skipped, failed
  rows_read      BIGINT NOT NULL DEFAULT 0,
  rows_loaded    BIGINT NOT NULL DEFAULT 0,
  rows_rejected  BIGINT NOT NULL DEFAULT 0,
  message        VARCHAR
);

-- One row per rejected row or cell, kept with its reason in both languages.
CREATE TABLE ops.rejects (
  load_id   VARCHAR NOT NULL,
  source    VARCHAR NOT NULL,
  location  VARCHAR NOT NULL,        -- file.csv:17 or Formateurs!C12
  "column"  VARCHAR,
  value     VARCHAR,
  reason_fr VARCHAR NOT NULL,
  reason_en VARCHAR NOT NULL
);

-- Incremental cursors (LRS high-water mark, sheet fingerprints, ...).
CREATE TABLE ops.cursors (
  source     VARCHAR NOT NULL,
  key        VARCHAR NOT NULL,
  value      VARCHAR NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (source, key)
);

-- Reference data: the member countries and their denominators.
CREATE TABLE core.countries (
  country_code            VARCHAR PRIMARY KEY,
  iso3                    VARCHAR NOT NULL,
  iso_numeric             VARCHAR NOT NULL,
  name_fr                 VARCHAR NOT NULL,
  name_en                 VARCHAR NOT NULL,
  primary_teachers        BIGINT,
  primary_teachers_year   INTEGER,
  secondary_teachers      BIGINT,
  secondary_teachers_year INTEGER,
  population              BIGINT,
  population_year         INTEGER
);

-- Regional platform: statements as received (personal fields already keyed), append-only.
CREATE TABLE raw.xapi_statements (
  event_id       VARCHAR NOT NULL,
  occurred_at    TIMESTAMPTZ NOT NULL,
  stored_at      TIMESTAMPTZ,
  country_code   VARCHAR NOT NULL,
  actor_key      VARCHAR NOT NULL,
  verb           VARCHAR NOT NULL,
  object_id      VARCHAR NOT NULL,
  voided_target  VARCHAR,            -- set on voiding statements
  source         VARCHAR NOT NULL,
  load_id        VARCHAR NOT NULL
);

CREATE TABLE core.usage_events (
  event_id     VARCHAR PRIMARY KEY,
  occurred_at  TIMESTAMPTZ NOT NULL,
  country_code VARCHAR NOT NULL,
  actor_key    VARCHAR NOT NULL,
  verb         VARCHAR NOT NULL,
  object_id    VARCHAR NOT NULL,
  source       VARCHAR NOT NULL,
  load_id      VARCHAR NOT NULL
);

-- Statement ids voided so far: a target that arrives after its void is never loaded.
CREATE TABLE core.voided_events (
  event_id  VARCHAR PRIMARY KEY,
  voided_by VARCHAR NOT NULL,
  load_id   VARCHAR NOT NULL
);

-- National platforms: one row per country, platform and day.
CREATE TABLE core.national_usage (
  country_code VARCHAR NOT NULL,
  platform     VARCHAR NOT NULL,
  day          DATE NOT NULL,
  active_users BIGINT,
  new_users    BIGINT,
  sessions     BIGINT,
  page_views   BIGINT,
  downloads    BIGINT,
  load_id      VARCHAR NOT NULL,
  PRIMARY KEY (country_code, platform, day)
);

-- Country sheets, one row per business key. Codes are stable English codes; labels live in i18n.
CREATE TABLE core.trainers (
  country_code VARCHAR NOT NULL,
  trainer_id   VARCHAR NOT NULL,
  sex          VARCHAR,                -- F | M
  region       VARCHAR,
  role         VARCHAR,
  trained_on   DATE,
  certified    BOOLEAN,
  load_id      VARCHAR NOT NULL,
  PRIMARY KEY (country_code, trainer_id)
);

CREATE TABLE core.training_sessions (
  country_code       VARCHAR NOT NULL,
  session_id         VARCHAR NOT NULL,
  trainer_id         VARCHAR,
  start_date         DATE,
  end_date           DATE,
  region             VARCHAR,
  level              VARCHAR,          -- preschool | primary | secondary
  modality           VARCHAR,          -- in_person | remote | hybrid
  teachers_trained_f BIGINT,
  teachers_trained_m BIGINT,
  load_id            VARCHAR NOT NULL,
  PRIMARY KEY (country_code, session_id)
);

CREATE TABLE core.resources (
  country_code VARCHAR NOT NULL,
  resource_id  VARCHAR NOT NULL,
  title        VARCHAR,
  discipline   VARCHAR,
  level        VARCHAR,
  language     VARCHAR,
  type         VARCHAR,
  status       VARCHAR,                -- in_production | in_validation | validated | published | rejected
  status_date  DATE,
  link         VARCHAR,
  load_id      VARCHAR NOT NULL,
  PRIMARY KEY (country_code, resource_id)
);

CREATE TABLE core.activities (
  country_code VARCHAR NOT NULL,
  activity_id  VARCHAR NOT NULL,
  activity     VARCHAR,
  owner_key    VARCHAR,                -- keyed hash: the person in charge is personal data
  due_date     DATE,
  status       VARCHAR,                -- planned | in_progress | done | postponed | cancelled
  comment      VARCHAR,
  load_id      VARCHAR NOT NULL,
  PRIMARY KEY (country_code, activity_id)
);

CREATE TABLE core.targets (
  country_code VARCHAR NOT NULL,
  indicator_id VARCHAR NOT NULL,
  target       DOUBLE NOT NULL,
  deadline     DATE NOT NULL,
  load_id      VARCHAR NOT NULL,
  PRIMARY KEY (country_code, indicator_id, deadline)
);

-- When each country sheet tab last changed, for completeness and freshness.
CREATE TABLE core.sheet_syncs (
  country_code VARCHAR NOT NULL,
  tab          VARCHAR NOT NULL,
  synced_at    TIMESTAMPTZ NOT NULL,
  modified_at  TIMESTAMPTZ,
  load_id      VARCHAR NOT NULL,
  PRIMARY KEY (country_code, tab)
);

CREATE TABLE mart.indicators (
  country_code   VARCHAR NOT NULL,
  period         DATE NOT NULL,        -- first day of the month
  indicator_id   VARCHAR NOT NULL,
  value          DOUBLE,
  target         DOUBLE,
  disaggregation VARCHAR NOT NULL DEFAULT '',
  status         VARCHAR NOT NULL      -- provisional | approved
);

CREATE TABLE mart.bottlenecks (
  country_code VARCHAR NOT NULL,
  rule_id      VARCHAR NOT NULL,
  severity     VARCHAR NOT NULL,       -- low | medium | high
  since        DATE,
  evidence     VARCHAR NOT NULL,       -- JSON object with the numbers behind the flag
  message_fr   VARCHAR NOT NULL,
  message_en   VARCHAR NOT NULL
);
