-- One row per statement with the few fields we keep, and why it is rejected (NULL when it is
-- not). Personal identifiers are still in clear here: this is only ever read into TEMP tables.
-- Slots filled from TypeScript (fields.ts, country-rules.ts): "fields" yields (line, parsed,
-- f1, f2, …), the statement's position, whether it was JSON, and its properties in the order of
-- BASE_PATHS; "ident" is the actor's identifier (statements.ts); "country" is the compiled
-- country rules, an expression over those fields.
WITH fields AS (
  {{fields}}
), typed AS (
  SELECT
    line,
    parsed,
    NULLIF(trim(f1), '') AS event_id,
    {{ident}} AS ident,
    NULLIF(f7, '') AS verb,
    NULLIF(f8, '') AS object_id,
    coalesce(NULLIF(f9, ''), NULLIF(f10, '')) AS time_text,
    NULLIF(f10, '') AS stored_text,
    {{country}} AS country
  FROM fields
), timed AS (
  -- A time without a zone is read as UTC, whatever the session's zone; a date alone (10
  -- characters) is refused rather than taken as midnight. Plain string tests, the usual 'Z'
  -- first: a regular expression here cost more than parsing the JSON.
  SELECT *,
    CASE WHEN length(time_text) <= 10 THEN NULL
      WHEN ends_with(time_text, 'Z') THEN try_cast(time_text AS TIMESTAMPTZ)
      ELSE try_cast(CASE WHEN right(time_text, 1) = 'z' OR contains(substr(time_text, 11), '+')
        OR contains(substr(time_text, 11), '-') THEN time_text ELSE time_text || 'Z' END AS TIMESTAMPTZ) END AS occurred_at,
    CASE WHEN length(stored_text) <= 10 THEN NULL
      WHEN ends_with(stored_text, 'Z') THEN try_cast(stored_text AS TIMESTAMPTZ)
      ELSE try_cast(CASE WHEN right(stored_text, 1) = 'z' OR contains(substr(stored_text, 11), '+')
        OR contains(substr(stored_text, 11), '-') THEN stored_text ELSE stored_text || 'Z' END AS TIMESTAMPTZ) END AS stored_at,
    verb = 'http://adlnet.gov/expapi/verbs/voided' AS is_void
  FROM typed
)
SELECT
  line, event_id, ident, verb, object_id, coalesce(is_void, false) AS is_void, occurred_at, stored_at, country,
  CASE
    WHEN NOT parsed THEN 'json'
    WHEN event_id IS NULL THEN 'id'
    WHEN ident IS NULL THEN 'actor'
    WHEN verb IS NULL THEN 'verb'
    WHEN object_id IS NULL THEN 'object'
    WHEN occurred_at IS NULL THEN 'timestamp'
    WHEN is_void THEN NULL
    WHEN country IS NULL THEN 'country_missing'
    WHEN NOT (country IN (SELECT country_code FROM core.countries)
              OR (NOT $has_reference AND regexp_full_match(country, '[A-Z]{2}'))) THEN 'country_unknown'
  END AS reason,
  CASE
    WHEN NOT parsed OR event_id IS NULL OR ident IS NULL OR verb IS NULL OR object_id IS NULL THEN NULL
    WHEN occurred_at IS NULL THEN time_text
    ELSE country
  END AS reject_value
FROM timed
