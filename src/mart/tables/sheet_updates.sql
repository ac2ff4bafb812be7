-- When each country sheet was edited, up to `now`. core.sheet_syncs.modified_at is the latest date
-- the sheets connector found in a tab's rows up to the day it read them: the last time the team
-- wrote something down. Drive's modifiedTime of a spreadsheet read through the API
-- (ops.source_locations with its address) is an edit as such. A sync that found changed content is
-- an edit too, except a tab's first sync when modified_at is known (it only shows when watching began).
WITH known AS (
  SELECT DISTINCT country_code FROM core.sheet_syncs WHERE modified_at IS NOT NULL
),
syncs AS (
  SELECT
    country_code,
    started_at AT TIME ZONE 'UTC' AS updated_at,
    row_number() OVER (PARTITION BY country_code, location ORDER BY started_at) AS nth
  FROM ops.loads
  WHERE source = 'sheet' AND country_code IS NOT NULL AND status IN ('loaded', 'loaded_with_rejects')
),
evidence AS (
  SELECT country_code, modified_at AT TIME ZONE 'UTC' AS updated_at, 'modified' AS evidence
  FROM core.sheet_syncs WHERE modified_at IS NOT NULL
  UNION ALL
  SELECT country_code, edited_at AT TIME ZONE 'UTC' AS updated_at, 'edited' AS evidence
  FROM ops.source_locations
  WHERE source = 'sheet' AND url IS NOT NULL AND edited_at IS NOT NULL AND country_code IS NOT NULL
  UNION ALL
  SELECT country_code, updated_at, 'sync' AS evidence
  FROM syncs
  WHERE nth > 1 OR country_code NOT IN (SELECT country_code FROM known)
)
SELECT DISTINCT e.country_code, e.updated_at, e.evidence
FROM evidence e, mart.build_info b
WHERE e.updated_at <= b.built_for AT TIME ZONE 'UTC'
