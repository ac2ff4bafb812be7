-- The rejects still open, per country: those of the batches quality_tabs.sql shows (and, under
-- country '', of the batches no country owns, such as a usage file), at most $limit per country,
-- with the address of the tab they are in when the source is a Google Sheet.
WITH latest AS (
  SELECT * FROM ops.loads
  WHERE status <> 'skipped'
  QUALIFY row_number() OVER (PARTITION BY source, location ORDER BY started_at DESC, load_id DESC) = 1
)
SELECT coalesce(l.country_code, '') AS country_code, l.load_id, r.source, l.location AS load_location, s.url,
       r.location, r."column" AS "column", left(r.value, 200) AS value, r.reason_fr, r.reason_en
FROM ops.rejects r
JOIN latest l USING (load_id)
LEFT JOIN ops.source_locations s ON s.source = l.source AND s.location = l.location
QUALIFY row_number() OVER (PARTITION BY coalesce(l.country_code, '') ORDER BY l.location, r.location) <= $limit
ORDER BY country_code, l.location, r.location;
