-- Rejects still open: those of the latest batch of each file or sheet tab (of one country, or all).
WITH latest AS (
  SELECT load_id, country_code FROM ops.loads
  WHERE status IN ('loaded', 'loaded_with_rejects')
  QUALIFY row_number() OVER (PARTITION BY source, location ORDER BY started_at DESC, load_id DESC) = 1
)
SELECT r.source, r.location, r."column", r.value, r.reason_fr, r.reason_en
FROM ops.rejects r JOIN latest l USING (load_id)
WHERE $country = '' OR l.country_code = $country
ORDER BY r.source, r.location
