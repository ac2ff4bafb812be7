-- Provenance: for each source and location, the last load started on or before the as-of date
-- that brought data in, with the sha256 of what it read. A file is named by its base name and a
-- URL loses its credentials and query string: server folders and tokens are not the donor's.
CREATE OR REPLACE TEMP TABLE snapshot_provenance AS
SELECT source,
       CASE WHEN regexp_matches(location, '^[a-z][a-z0-9+.-]*://')
            THEN regexp_replace(regexp_replace(location, '^([a-z][a-z0-9+.-]*://)[^/@]*@', '\1'), '[?#].*$', '')
            ELSE regexp_replace(location, '^.*[/\\]', '')
       END AS location,
       coalesce(country_code, '') AS country_code, load_id, started_at, finished_at,
       status, content_sha256, rows_read, rows_loaded, rows_rejected
FROM ops.loads
WHERE started_at < ($as_of::DATE + 1)::TIMESTAMPTZ
  AND status IN ('loaded', 'loaded_with_rejects')
QUALIFY row_number() OVER (PARTITION BY source, location ORDER BY started_at DESC, load_id DESC) = 1
ORDER BY source, location, country_code, load_id;
