-- The first of the two passes over an NDJSON file that looks clean: its statements counted per
-- actor and verb, and those checked once per group rather than once per statement (a regular
-- expression on every statement cost more than reading its JSON). The actor's properties are
-- grouped before they are joined into one identifier, once per actor rather than once per
-- statement. What differs from statement to statement (the id, the times, the object, the
-- version, the context) is checked by the second pass (statements.clean.sql) and on the loaded
-- batch (../usage/sql/raw.xapi_statements.checks.sql). Slots and checks as in statements.sql.
-- Rows: ident (in clear), actor_hash (what the second pass joins the actor's key on, instead of
-- building the identifier again on every statement), is_void, defect (NULL when fine), n.
WITH grouped AS (
  SELECT
    "actor.objectType" AS actor_type, "json:actor.name" AS actor_name, "actor.mbox" AS mbox, "actor.mbox_sha1sum" AS sha1,
    "actor.openid" AS openid, "actor.account.homePage" AS home_page, "json:actor.account.name" AS account_name,
    "json:actor.member" AS member, "verb.id" AS verb, "json:verb.display" AS display, count(*) AS n
  FROM ({{fields}})
  GROUP BY ALL
)
SELECT
  xapi_ident(mbox, sha1, openid, home_page, xapi_json_text(account_name), member) AS ident,
  hash(mbox, sha1, openid, home_page, xapi_json_text(account_name), member)::VARCHAR AS actor_hash,
  xapi_is_void(verb) AS is_void,
  coalesce('actor' || xapi_agent_defect(actor_type, actor_name, mbox, sha1, openid, home_page, account_name, member),
    'verb' || xapi_verb_defect(verb, display)) AS defect,
  sum(n) AS n
FROM grouped
GROUP BY ALL
