-- Rejects still open: those of the latest batch of each file or sheet tab.
WITH latest AS (
  SELECT load_id FROM ops.loads
  WHERE status IN ('loaded', 'loaded_with_rejects')
  QUALIFY row_number() OVER (PARTITION BY source, location ORDER BY started_at DESC, load_id DESC) = 1
)
SELECT r.source, r.location, r."column", r.value, r.reason_fr, r.reason_en
FROM ops.rejects r JOIN latest USING (load_id)
ORDER BY r.source, r.location
