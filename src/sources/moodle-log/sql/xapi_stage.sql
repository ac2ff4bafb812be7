-- The Moodle log rows of the batch in the shape the xAPI load expects (see xapi/sql/statements.sql),
-- filled by the Appender as the CSV streams in. TEMP: user ids in clear never persist.
CREATE OR REPLACE TEMP TABLE xapi_stage (
  line         BIGINT,
  event_id     VARCHAR,
  ident        VARCHAR,
  object_ident VARCHAR,
  verb         VARCHAR,
  object_id    VARCHAR,
  voided_target VARCHAR,
  occurred_at  TIMESTAMPTZ,
  stored_at    TIMESTAMPTZ,
  country      VARCHAR,
  reason       VARCHAR,
  reject_value VARCHAR
);
