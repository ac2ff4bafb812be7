-- One row per statement with the few fields we keep, and why it is rejected (NULL when it is
-- not). Personal identifiers are still in clear here: this is only ever read into TEMP tables.
-- Slots filled from TypeScript (statements.ts): "fields" yields (line, parsed, then a column per
-- property named as fields.ts's fieldColumn says: "actor.mbox", "json:verb.display"…); "country"
-- is the compiled country rules, an expression over those columns. Checks: ../usage/sql/macros.sql. Every
-- statement is checked here, for a staged file; a clean NDJSON file is read through actors.sql
-- and statements.clean.sql instead, which check the same things more cheaply.
WITH fields AS (
  {{fields}}
), typed AS (
  SELECT *,
    xapi_uuid("id") AS event_id,
    xapi_ident("actor.mbox", "actor.mbox_sha1sum", "actor.openid", "actor.account.homePage", "actor.account.name",
      "json:actor.member") AS ident,
    xapi_object_ident("object.objectType", "object.mbox", "object.mbox_sha1sum", "object.openid", "object.account.homePage",
      "object.account.name", "json:object.member", "json:object.object") AS object_ident,
    xapi_object_id("object.objectType", "object.id", "json:object.object") AS kept_object_id,
    xapi_is_void("verb.id") AS is_void,
    xapi_time("timestamp") AS ts,
    xapi_time("stored") AS st,
    {{country}} AS country
  FROM fields
), checked AS (
  SELECT *, coalesce(
    CASE WHEN NOT parsed THEN 'json' END,
    CASE WHEN "id" IS NULL THEN 'id|missing' WHEN event_id IS NULL THEN 'id|uuid' END,
    coalesce(
      'actor' || xapi_agent_defect("actor.objectType", "json:actor.name", "actor.mbox", "actor.mbox_sha1sum", "actor.openid",
        "actor.account.homePage", "json:actor.account.name", "json:actor.member"),
      'verb' || xapi_verb_defect("verb.id", "json:verb.display"),
      'object' || xapi_object_shape_defect("object.objectType", "object.id", "json:object.name", "object.mbox", "object.mbox_sha1sum",
        "object.openid", "object.account.homePage", "json:object.account.name", "json:object.member", "json:object.actor",
        "json:object.verb", "json:object.object", "object.timestamp", "json:object.stored", "json:object.version",
        "json:object.authority"),
      'object' || xapi_object_id_defect("object.objectType", "object.id"),
      CASE WHEN is_void AND "object.objectType" IS DISTINCT FROM 'StatementRef' THEN 'object.objectType|void' END),
    CASE WHEN "timestamp" IS NOT NULL AND ts IS NULL THEN 'timestamp|format' END,
    CASE WHEN "stored" IS NOT NULL AND st IS NULL THEN 'stored|format' END,
    CASE WHEN ts IS NULL AND st IS NULL THEN 'timestamp|missing' END,
    -- Later than a day after it was stored, or than now: a clock gone wrong, not usage to count.
    -- In microseconds: TIMESTAMPTZ arithmetic goes through the time zone library, on every statement.
    CASE WHEN epoch_us(coalesce(ts, st)) > least(coalesce(epoch_us(st), $now_us), $now_us) + 86400000000
      THEN CASE WHEN ts IS NULL THEN 'stored|future' ELSE 'timestamp|future' END END,
    CASE WHEN NOT xapi_version_ok("json:version") THEN 'version|value' END,
    xapi_context_defect("context.registration", "json:context.statement"),
    CASE WHEN is_void THEN NULL
      WHEN country IS NULL THEN 'country|missing'
      WHEN NOT (country IN (SELECT country_code FROM core.countries)
                OR (NOT $has_reference AND regexp_full_match(country, '[A-Z]{2}')))
        THEN 'country|unknown' END
  ) AS reason
  FROM typed
)
SELECT
  line, event_id, ident, object_ident, "verb.id" AS verb, kept_object_id AS object_id,
  CASE WHEN is_void AND "object.objectType" = 'StatementRef' THEN xapi_uuid("object.id") END AS voided_target,
  coalesce(ts, st) AS occurred_at, st AS stored_at, country, reason,
  -- The value shown beside a reject: never an actor's (it may be an e-mail or a name).
  CASE split_part(reason, '|', 1)
    WHEN 'id' THEN "id" WHEN 'timestamp' THEN "timestamp" WHEN 'stored' THEN "stored" WHEN 'verb.id' THEN "verb.id"
    WHEN 'object.id' THEN "object.id" WHEN 'object.objectType' THEN "object.objectType" WHEN 'actor.objectType' THEN "actor.objectType"
    WHEN 'version' THEN "json:version" WHEN 'context.registration' THEN "context.registration" WHEN 'country' THEN country
  END AS reject_value
FROM checked
