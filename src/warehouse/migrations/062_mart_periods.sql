-- The mart's tables as the periods (December 2026) shape them, in warehouses made before: the
-- catalogue with each indicator's precision, kind, cumulative, ascending and regional rule, and
-- the tables of figures per period. Every build creates them anew from src/mart/schema.sql; these
-- are the same, column for column, so a warehouse not yet built reads the same shape.
DROP TABLE mart.indicator_catalogue;

CREATE TABLE mart.indicator_catalogue (
  indicator_id    VARCHAR PRIMARY KEY,
  position        INTEGER NOT NULL,
  label_fr        VARCHAR NOT NULL,
  label_en        VARCHAR NOT NULL,
  definition_fr   VARCHAR NOT NULL,
  definition_en   VARCHAR NOT NULL,
  unit            VARCHAR NOT NULL,    -- count | percent | days | users
  precision       INTEGER NOT NULL,    -- decimals every figure is rounded to
  kind            VARCHAR NOT NULL,    -- stock | flow | distinct | rate | median: how a period and all countries add up
  cumulative      BOOLEAN NOT NULL,    -- read as a running total since the phase start (monthly series, target)
  ascending       BOOLEAN NOT NULL,    -- a higher figure is better
  regional        VARCHAR,             -- max: a stock whose all-country figure is the largest country's
  snapshot        BOOLEAN NOT NULL,    -- only the current state is known: value for the last month only
  disaggregations VARCHAR NOT NULL,    -- comma-separated dimensions: sex, level, region, source, platform
  target_key      VARCHAR,             -- core.targets.indicator_id it is compared with
  sources         VARCHAR NOT NULL     -- comma-separated tables that feed it
);

CREATE TABLE mart.periods (
  period_type  VARCHAR NOT NULL,       -- month | quarter | year | phase
  period       VARCHAR NOT NULL,       -- 2026-10 | 2026-Q3 | 2026 | phase
  period_start DATE NOT NULL,          -- first day counted (the phase start for the phase)
  period_end   DATE NOT NULL,          -- last day counted
  first_month  DATE NOT NULL,
  last_month   DATE NOT NULL,
  months       INTEGER NOT NULL,
  PRIMARY KEY (period_type, period, period_end)
);

CREATE TABLE mart.active_accounts (
  country_code VARCHAR,
  period       DATE NOT NULL,
  actor_key    VARCHAR,                -- pseudonymous key, as in core.usage_events
  events       BIGINT NOT NULL,
  last_event_at TIMESTAMP NOT NULL     -- UTC
);

CREATE TABLE mart.milestones (
  country_code   VARCHAR NOT NULL,
  target_key     VARCHAR NOT NULL,
  year           INTEGER NOT NULL,
  year_target    DOUBLE,
  year_deadline  DATE,
  phase_target   DOUBLE,
  phase_deadline DATE,
  baseline       DOUBLE,
  baseline_year  INTEGER,
  PRIMARY KEY (country_code, target_key, year)
);

CREATE TABLE mart.indicator_periods (
  country_code     VARCHAR NOT NULL,   -- ISO2, or ALL
  period_type      VARCHAR NOT NULL,
  period           VARCHAR NOT NULL,
  period_start     DATE NOT NULL,
  period_end       DATE NOT NULL,
  indicator_id     VARCHAR NOT NULL,
  disaggregation   VARCHAR NOT NULL,
  value            DOUBLE,
  running_total    DOUBLE,
  numerator        DOUBLE,             -- a percentage's sums, behind value
  denominator      DOUBLE,
  target           DOUBLE,
  target_status    VARCHAR,            -- on_track | at_risk | off_track
  year_target      DOUBLE,
  phase_target     DOUBLE,
  phase_deadline   DATE,
  baseline         DOUBLE,
  baseline_year    INTEGER,
  denominator_year INTEGER,
  status           VARCHAR NOT NULL,   -- approved when the country approved every month it rests on
  PRIMARY KEY (country_code, period_type, period, period_end, indicator_id, disaggregation)
);
