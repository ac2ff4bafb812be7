-- What the coordinator's monthly note and the digests to the countries read and record.

-- The Commentaires tab of the regional sheet and of each country sheet: a word of context on a
-- month's figure or flag. The only free text made public (the site, the note, the digests).
CREATE TABLE core.comments (
  country_code VARCHAR,                -- NULL: the regional sheet
  period       DATE NOT NULL,          -- first day of the month commented
  subject_kind VARCHAR NOT NULL,       -- indicator | rule | flag | general
  subject_id   VARCHAR,                -- indicator id, rule id or flag id; NULL when general
  comment      VARCHAR NOT NULL,
  author_role  VARCHAR NOT NULL,       -- code of the author_role list (national_focal_point…)
  load_id      VARCHAR NOT NULL
);

-- A flag's stable id: country/rule, then the indicator or source it is about (ML/stale_data/sheet).
ALTER TABLE mart.bottlenecks ADD COLUMN flag_id VARCHAR;

-- The bottleneck rules, so the dashboard and the note read labels and recommended actions from the warehouse.
CREATE TABLE mart.rule_catalogue (
  rule_id   VARCHAR PRIMARY KEY,
  position  INTEGER NOT NULL,
  label_fr  VARCHAR NOT NULL,
  label_en  VARCHAR NOT NULL,
  action_fr VARCHAR NOT NULL,
  action_en VARCHAR NOT NULL
);

-- The history of flags, kept across builds (a build rewrites only the month it describes).
-- Months a build recorded flags for: a month with no flag is still a month the flags were checked.
CREATE TABLE mart.flag_months (
  period    DATE PRIMARY KEY,          -- the month described (mart.build_info.as_of)
  built_for TIMESTAMPTZ NOT NULL       -- the `now` of the last build that described it
);

-- Every flag (info notes left out) a build found for its month.
CREATE TABLE mart.flag_observations (
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
CREATE TABLE mart.flag_history (
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

-- E-mails sent to the countries: a digest is sent once per kind, month and country, whatever
-- the number of runs; a failed attempt is recorded and tried again by the next run.
CREATE TABLE ops.notifications (
  kind           VARCHAR NOT NULL,     -- digest
  period         DATE NOT NULL,        -- first day of the month it reports
  country_code   VARCHAR NOT NULL,
  lang           VARCHAR NOT NULL,
  recipients     VARCHAR NOT NULL,     -- keyed hashes of the addresses, comma-separated (never the addresses)
  status         VARCHAR NOT NULL,     -- sent | failed
  attempts       INTEGER NOT NULL,     -- over every run
  message_id     VARCHAR,              -- the SMTP Message-ID once sent
  error          VARCHAR,              -- the last failure, in plain words
  first_tried_at TIMESTAMPTZ NOT NULL,
  last_tried_at  TIMESTAMPTZ NOT NULL,
  sent_at        TIMESTAMPTZ,
  PRIMARY KEY (kind, period, country_code)
);
