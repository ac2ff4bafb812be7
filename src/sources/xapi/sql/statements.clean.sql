-- The statements of an NDJSON file whose first pass (actors.sql) found nothing wrong with its
-- actors and verbs, read straight from the file again, in the shape of statements.sql, for the
-- insert. The actor is found by the hash of its properties, which the first pass computed for
-- each actor (building its identifier on every statement cost a tenth of the import). What
-- differs from statement to statement is checked here, cheaply: a statement whose id, time,
-- registration or version is wrong, that is more than a day ahead, or that has a context
-- statement, loses its actor, so the insert's join leaves it out and commit.ts, seeing fewer
-- statements loaded than read, stages the file to say which and why (statements.sql). The
-- object is checked on the loaded batch, each distinct id once (../usage/sql/raw.xapi_statements.checks.sql):
-- an object that is no Activity nor StatementRef comes out as ''. (A filter here would be
-- pushed below the reader and compute every check twice.) Slots from statements.ts: "fields"
-- and "country" as in statements.sql; "voided_target" in its simplest form for what the first
-- pass saw in the file (voids or none).
WITH fields AS (
  {{fields}}
), typed AS (
  SELECT
    xapi_uuid("id") AS event_id,
    hash("actor.mbox", "actor.mbox_sha1sum", "actor.openid", "actor.account.homePage", "actor.account.name", "json:actor.member") AS actor_hash,
    "verb.id" AS verb,
    CASE WHEN "object.objectType" IS NULL OR "object.objectType" = 'Activity' THEN "object.id"
      WHEN "object.objectType" = 'StatementRef' THEN 'urn:uuid:' || xapi_uuid("object.id") END AS object_id,
    {{voided_target}} AS voided_target,
    "timestamp", xapi_time("timestamp") AS ts,
    "stored", xapi_time("stored") AS st,
    "context.registration" AS registration, "json:context.statement" AS context_statement, "json:version" AS version,
    {{country}} AS country
  FROM fields
)
SELECT NULL::BIGINT AS line, event_id,
  CASE WHEN event_id IS NULL OR (ts IS NULL AND "timestamp" IS NOT NULL) OR (st IS NULL AND "stored" IS NOT NULL)
      OR (ts IS NULL AND st IS NULL)
      OR epoch_us(coalesce(ts, st)) > least(coalesce(epoch_us(st), $now_us), $now_us) + 86400000000
      OR (registration IS NOT NULL AND xapi_uuid(registration) IS NULL) OR context_statement IS NOT NULL
      OR NOT xapi_version_ok(version) THEN NULL ELSE actor_hash END AS actor_hash,
  NULL::VARCHAR AS ident,
  NULL::VARCHAR AS object_ident, verb, coalesce(object_id, '') AS object_id, voided_target,
  coalesce(ts, st) AS occurred_at, st AS stored_at, country, NULL::VARCHAR AS reason, NULL::VARCHAR AS reject_value
FROM typed
