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
