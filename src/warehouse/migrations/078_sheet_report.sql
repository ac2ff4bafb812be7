-- What the Contrôles tab reports to a country team besides its rejects: the rows each tab's load
-- added, changed and removed, and the plausibility warnings (pipelines/plausibility.json) that
-- flag unlikely values without refusing them, with the confirmations the teams typed back.

-- The rows of each tab as last loaded, one fingerprint per row key (the tab's id, or the row's
-- own fingerprint for a tab without one), so the next load can tell added, changed and removed.
CREATE TABLE ops.sheet_rows (
  country_code VARCHAR NOT NULL,       -- ISO2, or 'regional'
  tab          VARCHAR NOT NULL,       -- template key (trainers, sessions…)
  row_key      VARCHAR NOT NULL,
  fingerprint  VARCHAR NOT NULL,
  PRIMARY KEY (country_code, tab, row_key)
);

-- Per load of a tab: what changed against the load before.
CREATE TABLE ops.sheet_changes (
  load_id      VARCHAR PRIMARY KEY,
  country_code VARCHAR NOT NULL,
  tab          VARCHAR NOT NULL,       -- template key
  rows_added   BIGINT NOT NULL,
  rows_changed BIGINT NOT NULL,
  rows_removed BIGINT NOT NULL
);

-- Plausibility warnings of each tab's current load: replaced with the tab, never a reject.
CREATE TABLE ops.plausibility_warnings (
  warning_id   VARCHAR NOT NULL,       -- stable: GN/participants_per_day/S-12, GN/monthly_jump/2026-10
  country_code VARCHAR NOT NULL,       -- ISO2, or 'regional'
  tab          VARCHAR NOT NULL,       -- template key
  row_number   INTEGER,                -- sheet row (headers = 1); NULL for a rule over the whole tab
  location     VARCHAR NOT NULL,       -- Sessions!H14, or the tab's title
  rule_id      VARCHAR NOT NULL,       -- a key of pipelines/plausibility.json
  evidence     VARCHAR NOT NULL,       -- JSON: the values and the threshold
  fingerprint  VARCHAR NOT NULL,       -- of the rule and values: a confirmation holds while they stay
  message_fr   VARCHAR NOT NULL,
  message_en   VARCHAR NOT NULL,
  load_id      VARCHAR NOT NULL
);

-- A team's "yes, this is right" on a warning (Confirmé in Contrôles): it no longer shows, until
-- the values behind it change.
CREATE TABLE ops.plausibility_confirmations (
  warning_id   VARCHAR NOT NULL,
  fingerprint  VARCHAR NOT NULL,
  confirmed_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (warning_id, fingerprint)
);

-- The warnings still to show: those no team confirmed as they stand. What Contrôles, status and
-- the digests list.
CREATE VIEW ops.open_plausibility_warnings AS
SELECT w.*
FROM ops.plausibility_warnings w
LEFT JOIN ops.plausibility_confirmations c USING (warning_id, fingerprint)
WHERE c.warning_id IS NULL;
