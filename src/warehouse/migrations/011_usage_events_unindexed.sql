-- core.usage_events keeps one row per statement id because the xAPI load only inserts ids absent
-- from it (and from the voided ones); the primary-key index cost more than the load itself at
-- millions of events and held memory past DuckDB's limit, so the table is rebuilt without it.
CREATE TABLE core.usage_events_unindexed AS SELECT * FROM core.usage_events;
DROP TABLE core.usage_events;
CREATE TABLE core.usage_events (
  event_id     VARCHAR NOT NULL,
  occurred_at  TIMESTAMPTZ NOT NULL,
  country_code VARCHAR NOT NULL,
  actor_key    VARCHAR NOT NULL,
  verb         VARCHAR NOT NULL,
  object_id    VARCHAR NOT NULL,
  source       VARCHAR NOT NULL,
  load_id      VARCHAR NOT NULL
);
INSERT INTO core.usage_events SELECT * FROM core.usage_events_unindexed;
DROP TABLE core.usage_events_unindexed;
