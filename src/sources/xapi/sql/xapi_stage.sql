-- One row per statement of the batch, with the few fields we keep. Personal identifiers are still
-- in clear here, so this is a TEMP table: it never reaches the warehouse file.
-- Slots filled from TypeScript: "lines" yields (line, j), the statement's position in the file and
-- its JSON text; "country" is the compiled country rules, an expression over f.
CREATE OR REPLACE TEMP TABLE xapi_stage AS
WITH lines AS (
  {{lines}}
), fields AS (
  SELECT line, TRY(json_extract_string(j, $paths::VARCHAR[])) AS f
  FROM lines
  WHERE j IS NOT NULL
), typed AS (
  SELECT
    line,
    f IS NOT NULL AS parsed,
    NULLIF(trim(f[1]), '') AS event_id,
    CASE
      WHEN NULLIF(f[2], '') IS NOT NULL THEN 'mbox:' || f[2]
      WHEN NULLIF(f[3], '') IS NOT NULL THEN 'mbox_sha1sum:' || f[3]
      WHEN NULLIF(f[4], '') IS NOT NULL THEN 'openid:' || f[4]
      WHEN NULLIF(f[5], '') IS NOT NULL AND NULLIF(f[6], '') IS NOT NULL THEN 'account:' || f[5] || '|' || f[6]
    END AS ident,
    NULLIF(f[7], '') AS verb,
    NULLIF(f[8], '') AS object_id,
    coalesce(NULLIF(f[9], ''), NULLIF(f[10], '')) AS time_text,
    NULLIF(f[10], '') AS stored_text,
    {{country}} AS country
  FROM fields
), timed AS (
  -- A time without a zone is read as UTC, whatever the session's zone; a date alone (10
  -- characters) is refused rather than taken as midnight. Plain string tests: a regular
  -- expression here cost more than parsing the JSON.
  SELECT *,
    CASE WHEN length(time_text) > 10 THEN try_cast(CASE WHEN right(time_text, 1) IN ('Z', 'z')
      OR contains(substr(time_text, 11), '+') OR contains(substr(time_text, 11), '-')
      THEN time_text ELSE time_text || 'Z' END AS TIMESTAMPTZ) END AS occurred_at,
    CASE WHEN length(stored_text) > 10 THEN try_cast(CASE WHEN right(stored_text, 1) IN ('Z', 'z')
      OR contains(substr(stored_text, 11), '+') OR contains(substr(stored_text, 11), '-')
      THEN stored_text ELSE stored_text || 'Z' END AS TIMESTAMPTZ) END AS stored_at,
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
FROM timed;
