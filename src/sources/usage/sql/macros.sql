-- The xAPI 1.0.3 / 2.0 rules for the properties the warehouse keeps or counts, shared by every
-- pass over a statements file (xapi/sql/statements.sql, actors.sql) so that they all decide alike. A check
-- returns NULL when the property is well-formed, else a defect: '|<defect>' or
-- '.<sub-property>|<defect>', which the caller prefixes with the property ('actor', 'object.actor')
-- and reasons.ts turns into a sentence. JSON-typed inputs are the value's JSON text, so a string
-- is told from a number or an object by its opening quote. TEMP: defined before each load.

-- A UUID written 8-4-4-4-12 in hexadecimal, any case: its lower-case text, the form ids are
-- compared and kept in; NULL if it is not one (DuckDB's cast alone also takes braces and no dashes).
CREATE OR REPLACE TEMP MACRO xapi_uuid(s) AS
  CASE WHEN s LIKE '________-____-____-____-____________' THEN try_cast(s AS UUID)::VARCHAR END;

-- An IRI (and so an IRL or a URI): a scheme, a colon, then no space or character IRIs exclude.
CREATE OR REPLACE TEMP MACRO xapi_iri(s) AS
  regexp_full_match(s, '[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>"{}|\\^`]+');

-- A JSON string value's text (its JSON text without quotes, unescaped only when it must be).
CREATE OR REPLACE TEMP MACRO xapi_json_text(j) AS
  CASE WHEN NOT starts_with(j, '"') THEN NULL WHEN contains(j, '\') THEN j->>'$' ELSE j[2:-2] END;

-- A JSON value at a path of a JSON text, `null` read as absent (as the NDJSON reader does).
CREATE OR REPLACE TEMP MACRO xapi_json(j, path) AS NULLIF(json_extract(j, path)::VARCHAR, 'null');

-- A Timestamp's pieces (xapi_time's pattern) as the instant they name, or NULL.
CREATE OR REPLACE TEMP MACRO xapi_time_parts(p) AS CASE
  WHEN p.date = '' OR (p.sign = '-' AND p.zone_hour = '00' AND coalesce(p.zone_minute, '') IN ('', '00')) THEN NULL
  ELSE try_cast(p.date || ' ' || p.hour || ':' || coalesce(NULLIF(p.minute, ''), '00') || ':'
      || coalesce(NULLIF(p.second, ''), '00') || replace(p.fraction, ',', '.')
      || CASE WHEN p.sign = '' THEN '+00:00' ELSE p.sign || p.zone_hour || ':' || coalesce(NULLIF(p.zone_minute, ''), '00') END
    AS TIMESTAMPTZ)
END;

-- The instant an xAPI Timestamp names: ISO 8601 extended date and time, down to the hour or the
-- minute, fraction after '.' or ',', 'T' and 'Z' in either case, offset Z or ±hh[[:]mm] below
-- 24 hours (not -00, "unknown offset" in RFC 3339), 24:00 as the next midnight; without a zone,
-- UTC. NULL for anything else, a leap second (:60) included. The usual forms
-- ('…T10:00:00.000Z', '…+00:00') are cast as they are: DuckDB's cast checks their digits, and a
-- regular expression on every statement cost more than reading its JSON. Only a leading space
-- or sign, which the cast would take, is ruled out first.
CREATE OR REPLACE TEMP MACRO xapi_time(t) AS CASE
  WHEN (t LIKE '____-__-__T__:__:__.%Z' OR t LIKE '____-__-__T__:__:__Z' OR t LIKE '____-__-__T__:__:__.%+00:00'
        OR t LIKE '____-__-__T__:__:__+00:00') AND t >= '0' THEN try_cast(t AS TIMESTAMPTZ)
  ELSE xapi_time_parts(regexp_extract(t,
    '^([0-9]{4}-[0-9]{2}-[0-9]{2})[Tt]([01][0-9]|2[0-4])(?::([0-5][0-9])(?::([0-5][0-9])([.,][0-9]+)?)?)?([Zz]|([+-])([01][0-9]|2[0-3])(?::?([0-5][0-9]))?)?$',
    ['date', 'hour', 'minute', 'second', 'fraction', 'zone', 'sign', 'zone_hour', 'zone_minute']))
END;

-- A language tag (RFC 5646: language, script, region, variants, extensions, private use).
CREATE OR REPLACE TEMP MACRO xapi_language_tag(k) AS regexp_full_match(k,
  '(([A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(-[0-9A-WYZa-wyz](-[A-Za-z0-9]{2,8})+)*(-[Xx](-[A-Za-z0-9]{1,8})+)?|[XxIi](-[A-Za-z0-9]{1,8})+)');

-- A language map ({"fr-FR": "a consulté"}): an object of language tags to strings.
CREATE OR REPLACE TEMP MACRO xapi_language_map(j) AS
  json_type(j) = 'OBJECT'
  AND coalesce(list_bool_and(list_transform(json_keys(j::VARCHAR)::VARCHAR[], lambda k: xapi_language_tag(k))), true)
  AND coalesce(list_bool_and(list_transform(json_extract(j::VARCHAR, '$.*')::JSON[], lambda v: json_type(v) = 'VARCHAR')), true);

-- The identifier rules of an Agent, an identified Group and a member: exactly one of mbox,
-- mbox_sha1sum, openid and account, well-formed.
CREATE OR REPLACE TEMP MACRO xapi_ifi_defect(mbox, sha1, openid, home_page, account_name_json) AS CASE
  WHEN (mbox IS NOT NULL)::INT + (sha1 IS NOT NULL)::INT + (openid IS NOT NULL)::INT
       + (home_page IS NOT NULL OR account_name_json IS NOT NULL)::INT > 1 THEN '|ifi_many'
  WHEN mbox IS NOT NULL THEN CASE WHEN NOT regexp_full_match(mbox, 'mailto:[^@\s:]+@[^@\s]+') THEN '.mbox|mailto' END
  WHEN sha1 IS NOT NULL THEN CASE WHEN NOT regexp_full_match(sha1, '[0-9A-Fa-f]{40}') THEN '.mbox_sha1sum|sha1' END
  WHEN openid IS NOT NULL THEN CASE WHEN NOT xapi_iri(openid) THEN '.openid|uri' END
  WHEN home_page IS NULL AND account_name_json IS NULL THEN '|ifi_none'
  WHEN home_page IS NULL OR account_name_json IS NULL THEN '.account|incomplete'
  WHEN NOT xapi_iri(home_page) THEN '.account.homePage|irl'
  WHEN NOT starts_with(account_name_json, '"') THEN '.account.name|string'
END;

-- A Group's member (a JSON object): an Agent with one well-formed identifier.
CREATE OR REPLACE TEMP MACRO xapi_member_defect(m) AS CASE
  WHEN json_type(m) <> 'OBJECT' OR coalesce(m->>'objectType', 'Agent') <> 'Agent' THEN '|member'
  WHEN xapi_json(m, '$.name') IS NOT NULL AND json_type(m, '$.name') <> 'VARCHAR' THEN '|member'
  WHEN xapi_ifi_defect(json_extract_string(m, '$.mbox'), json_extract_string(m, '$.mbox_sha1sum'), json_extract_string(m, '$.openid'),
         json_extract_string(m, '$.account.homePage'), xapi_json(m, '$.account.name')) IS NOT NULL THEN '|member'
END;

-- An Agent or a Group (actor, object, a sub-statement's actor or object). An anonymous Group
-- (no identifier) is known by its members, so it must list some.
CREATE OR REPLACE TEMP MACRO xapi_agent_defect(object_type, name_json, mbox, sha1, openid, home_page, account_name_json, member_json) AS CASE
  WHEN object_type IS NOT NULL AND object_type NOT IN ('Agent', 'Group') THEN '.objectType|agent'
  WHEN name_json IS NOT NULL AND NOT starts_with(name_json, '"') THEN '.name|string'
  WHEN member_json IS NOT NULL AND json_type(member_json) <> 'ARRAY' THEN '.member|array'
  WHEN member_json IS NOT NULL
       AND list_max(list_transform(json_extract(member_json::VARCHAR, '$[*]')::JSON[], lambda m: xapi_member_defect(m))) IS NOT NULL THEN '.member|invalid'
  WHEN object_type = 'Group' AND mbox IS NULL AND sha1 IS NULL AND openid IS NULL AND home_page IS NULL AND account_name_json IS NULL
    THEN CASE WHEN coalesce(json_array_length(member_json), 0) = 0 THEN '.member|missing' END
  ELSE xapi_ifi_defect(mbox, sha1, openid, home_page, account_name_json)
END;

-- The same checks on an Agent or Group given as JSON (inside a sub-statement).
CREATE OR REPLACE TEMP MACRO xapi_agent_json_defect(a) AS
  xapi_agent_defect(json_extract_string(a, '$.objectType'), xapi_json(a, '$.name'), json_extract_string(a, '$.mbox'),
    json_extract_string(a, '$.mbox_sha1sum'), json_extract_string(a, '$.openid'), json_extract_string(a, '$.account.homePage'),
    xapi_json(a, '$.account.name'), xapi_json(a, '$.member'));

-- Who an agent is, in clear, from its identifier: keyed in JS (commit.ts) before anything is
-- written; an anonymous Group by the list of its members' identifiers.
CREATE OR REPLACE TEMP MACRO xapi_ifi_ident(mbox, sha1, openid, home_page, account_name) AS CASE
  WHEN mbox IS NOT NULL THEN 'mbox:' || mbox
  WHEN sha1 IS NOT NULL THEN 'mbox_sha1sum:' || sha1
  WHEN openid IS NOT NULL THEN 'openid:' || openid
  WHEN home_page IS NOT NULL AND account_name IS NOT NULL THEN 'account:' || home_page || '|' || account_name
END;

CREATE OR REPLACE TEMP MACRO xapi_ident(mbox, sha1, openid, home_page, account_name, member_json) AS
  coalesce(xapi_ifi_ident(mbox, sha1, openid, home_page, account_name),
    CASE WHEN json_type(member_json) = 'ARRAY' AND json_array_length(member_json) > 0 THEN 'group:' || to_json(list_transform(
      json_extract(member_json::VARCHAR, '$[*]')::JSON[], lambda m: xapi_ifi_ident(json_extract_string(m, '$.mbox'), json_extract_string(m, '$.mbox_sha1sum'),
        json_extract_string(m, '$.openid'), json_extract_string(m, '$.account.homePage'), json_extract_string(m, '$.account.name'))))::VARCHAR END);

CREATE OR REPLACE TEMP MACRO xapi_ident_json(a) AS
  xapi_ident(json_extract_string(a, '$.mbox'), json_extract_string(a, '$.mbox_sha1sum'), json_extract_string(a, '$.openid'),
    json_extract_string(a, '$.account.homePage'), json_extract_string(a, '$.account.name'), xapi_json(a, '$.member'));

-- A verb: an IRI, and a language map for its display if it has one.
CREATE OR REPLACE TEMP MACRO xapi_verb_defect(id, display_json) AS CASE
  WHEN id IS NULL THEN '.id|missing'
  WHEN NOT xapi_iri(id) THEN '.id|iri'
  WHEN display_json IS NOT NULL AND NOT xapi_language_map(display_json) THEN '.display|map'
END;

-- A sub-statement's object (JSON): an Activity, an Agent or Group, or a StatementRef, not
-- another sub-statement.
CREATE OR REPLACE TEMP MACRO xapi_inner_object_defect(o) AS CASE
  WHEN o IS NULL OR json_type(o) <> 'OBJECT' THEN '|missing'
  WHEN coalesce(o->>'objectType', 'Activity') = 'Activity' THEN CASE
    WHEN json_extract_string(o, '$.id') IS NULL THEN '.id|missing' WHEN NOT xapi_iri(json_extract_string(o, '$.id')) THEN '.id|iri' END
  WHEN o->>'objectType' = 'StatementRef' THEN CASE WHEN xapi_uuid(json_extract_string(o, '$.id')) IS NULL THEN '.id|uuid' END
  WHEN o->>'objectType' IN ('Agent', 'Group') THEN xapi_agent_json_defect(o)
  WHEN o->>'objectType' = 'SubStatement' THEN '.objectType|nested'
  ELSE '.objectType|object'
END;

-- A SubStatement: actor, verb and object like a statement's, no id, stored, version or authority.
CREATE OR REPLACE TEMP MACRO xapi_substatement_defect(id, actor, verb, object, ts, stored, version, authority) AS CASE
  WHEN id IS NOT NULL OR stored IS NOT NULL OR version IS NOT NULL OR authority IS NOT NULL THEN '|substatement_fields'
  WHEN actor IS NULL OR json_type(actor) <> 'OBJECT' THEN '.actor|missing'
  WHEN xapi_agent_json_defect(actor) IS NOT NULL THEN '.actor' || xapi_agent_json_defect(actor)
  WHEN verb IS NULL OR json_type(verb) <> 'OBJECT' THEN '.verb|missing'
  WHEN xapi_verb_defect(json_extract_string(verb, '$.id'), xapi_json(verb, '$.display')) IS NOT NULL
    THEN '.verb' || xapi_verb_defect(json_extract_string(verb, '$.id'), xapi_json(verb, '$.display'))
  WHEN xapi_inner_object_defect(object) IS NOT NULL THEN '.object' || xapi_inner_object_defect(object)
  WHEN ts IS NOT NULL AND xapi_time(ts) IS NULL THEN '.timestamp|format'
END;

-- A statement's object, apart from an Activity's id being an IRI (see xapi_object_id_defect).
CREATE OR REPLACE TEMP MACRO xapi_object_shape_defect(object_type, id, name_json, mbox, sha1, openid, home_page, account_name_json,
    member_json, sub_actor, sub_verb, sub_object, sub_timestamp, sub_stored, sub_version, sub_authority) AS CASE
  WHEN object_type IS NULL OR object_type = 'Activity' THEN CASE WHEN id IS NULL THEN '.id|missing' END
  WHEN object_type = 'StatementRef' THEN CASE WHEN xapi_uuid(id) IS NULL THEN '.id|uuid' END
  WHEN object_type IN ('Agent', 'Group') THEN xapi_agent_defect(object_type, name_json, mbox, sha1, openid, home_page, account_name_json, member_json)
  WHEN object_type = 'SubStatement'
    THEN xapi_substatement_defect(id, sub_actor, sub_verb, sub_object, sub_timestamp, sub_stored, sub_version, sub_authority)
  ELSE '.objectType|object'
END;

CREATE OR REPLACE TEMP MACRO xapi_object_id_defect(object_type, id) AS
  CASE WHEN coalesce(object_type, 'Activity') = 'Activity' AND NOT xapi_iri(id) THEN '.id|iri' END;

-- The statement's other checked properties: version 1.0.x or 2.0.x, a registration UUID, a
-- context statement that is a StatementRef, and a void that points at a statement.
CREATE OR REPLACE TEMP MACRO xapi_version_ok(v) AS
  v IS NULL OR v IN ('"1.0.0"', '"1.0.3"', '"2.0.0"') OR regexp_full_match(v, '"(1\.0|2\.0)(\.[0-9]+)?"');

CREATE OR REPLACE TEMP MACRO xapi_context_defect(registration, statement) AS CASE
  WHEN registration IS NOT NULL AND xapi_uuid(registration) IS NULL THEN 'context.registration|uuid'
  WHEN statement IS NOT NULL AND (json_type(statement) <> 'OBJECT' OR json_extract_string(statement, '$.objectType') IS DISTINCT FROM 'StatementRef'
       OR xapi_uuid(json_extract_string(statement, '$.id')) IS NULL) THEN 'context.statement|ref'
END;

CREATE OR REPLACE TEMP MACRO xapi_is_void(verb) AS verb = 'http://adlnet.gov/expapi/verbs/voided';

-- Who an Agent or Group object is, in clear, keyed like an actor (commit.ts); a sub-statement's
-- object when it is one.
CREATE OR REPLACE TEMP MACRO xapi_object_ident(object_type, mbox, sha1, openid, home_page, account_name, member_json, sub_object) AS CASE
  WHEN object_type IN ('Agent', 'Group') THEN xapi_ident(mbox, sha1, openid, home_page, account_name, member_json)
  WHEN object_type = 'SubStatement' AND json_extract_string(sub_object, '$.objectType') IN ('Agent', 'Group') THEN xapi_ident_json(sub_object)
END;

-- The object id a usage event keeps: an Activity's id; 'urn:uuid:<id>' for a statement referred
-- to; for a SubStatement, that of its own object. NULL for an Agent or Group: 'agent:<key>' once
-- keyed (raw.xapi_statements.sql).
CREATE OR REPLACE TEMP MACRO xapi_object_id(object_type, id, sub_object) AS CASE
  WHEN object_type IS NULL OR object_type = 'Activity' THEN id
  WHEN object_type = 'StatementRef' THEN 'urn:uuid:' || xapi_uuid(id)
  WHEN object_type = 'SubStatement' THEN CASE coalesce(json_extract_string(sub_object, '$.objectType'), 'Activity')
    WHEN 'Activity' THEN json_extract_string(sub_object, '$.id')
    WHEN 'StatementRef' THEN 'urn:uuid:' || xapi_uuid(json_extract_string(sub_object, '$.id')) END
END;
