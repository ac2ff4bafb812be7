-- Rejects still open in each country's own files and sheet tabs: those of the latest batch of
-- each, in the order a person goes through the sheet.
WITH latest AS (
  SELECT load_id, country_code FROM ops.loads
  WHERE status IN ('loaded', 'loaded_with_rejects') AND country_code IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY source, location ORDER BY started_at DESC, load_id DESC) = 1
)
SELECT l.country_code, r.source, r.location, r."column", r.value, r.reason_fr, r.reason_en
FROM ops.rejects r JOIN latest l USING (load_id)
ORDER BY l.country_code, r.source, r.location, r."column"
