-- Provenance: for each source and location, the last load started on or before the as-of date
-- that brought data in, with the sha256 of what it read.
CREATE OR REPLACE TEMP TABLE snapshot_provenance AS
SELECT source, location, coalesce(country_code, '') AS country_code, load_id, started_at, finished_at,
       status, content_sha256, rows_read, rows_loaded, rows_rejected
FROM ops.loads
WHERE started_at < ($as_of::DATE + 1)::TIMESTAMPTZ
  AND status IN ('loaded', 'loaded_with_rejects')
QUALIFY row_number() OVER (PARTITION BY source, location ORDER BY started_at DESC, load_id DESC) = 1
ORDER BY source, location;
