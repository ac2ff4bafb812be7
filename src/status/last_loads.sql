-- The latest batch of each source that did something (skipped re-reads are not news), of one country or all.
SELECT source, location, status, rows_read, rows_loaded, rows_rejected,
       strftime(finished_at, '%Y-%m-%d %H:%M') AS finished_at, message
FROM ops.loads
WHERE status <> 'skipped' AND ($country = '' OR country_code = $country)
QUALIFY row_number() OVER (PARTITION BY source ORDER BY started_at DESC, load_id DESC) = 1
ORDER BY source
