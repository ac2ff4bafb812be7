-- The first of the two passes over an NDJSON file that looks clean: its statements counted per
-- actor, and checked. What repeats from statement to statement (the actor, the verb and its
-- display) is grouped first and checked once per group, which costs far less than checking every
-- statement (a regular expression on each cost more than reading its JSON); what only unusual
-- statements carry (an object that is not an Activity, a version, a context statement or
-- registration, a void) is checked on those alone. The actor's properties are grouped before they
-- are joined into one identifier, once per actor rather than once per statement. Slots and
-- checks as in statements.sql; the id, the times and an Activity's id are checked by the second
-- pass and after the insert (commit.ts).
-- Rows: ident and object_ident (in clear), defect (NULL when the statements are fine), n.
WITH grouped AS (
  SELECT
    "actor.objectType" AS actor_type, "json:actor.name" AS actor_name, "actor.mbox" AS mbox, "actor.mbox_sha1sum" AS sha1,
    "actor.openid" AS openid, "actor.account.homePage" AS home_page, "json:actor.account.name" AS account_name,
    "json:actor.member" AS member, "verb.id" AS verb, "json:verb.display" AS display,
    xapi_object_ident("object.objectType", "object.mbox", "object.mbox_sha1sum", "object.openid", "object.account.homePage",
      xapi_json_text("json:object.account.name"), "json:object.member", "json:object.object") AS object_ident,
    coalesce(
      'object' || xapi_object_shape_defect("object.objectType", "object.id", "json:object.name", "object.mbox", "object.mbox_sha1sum",
        "object.openid", "object.account.homePage", "json:object.account.name", "json:object.member", "json:object.actor",
        "json:object.verb", "json:object.object", "object.timestamp", "json:object.stored", "json:object.version",
        "json:object.authority"),
      CASE WHEN xapi_is_void("verb.id") AND "object.objectType" IS DISTINCT FROM 'StatementRef' THEN 'object.objectType|void' END,
      CASE WHEN NOT xapi_version_ok("json:version") THEN 'version|value' END,
      xapi_context_defect("context.registration", "json:context.statement")) AS statement_defect,
    count(*) AS n
  FROM ({{fields}})
  GROUP BY ALL
)
SELECT
  xapi_ident(mbox, sha1, openid, home_page, xapi_json_text(account_name), member) AS ident,
  object_ident,
  coalesce('actor' || xapi_agent_defect(actor_type, actor_name, mbox, sha1, openid, home_page, account_name, member),
    'verb' || xapi_verb_defect(verb, display), statement_defect) AS defect,
  sum(n) AS n
FROM grouped
GROUP BY ALL
