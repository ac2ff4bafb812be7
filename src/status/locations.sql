-- Per tab or file of a country: its latest batch that was more than a re-read of unchanged
-- content, so its counts are those of the rejects still open.
SELECT source, location, status, rows_read, rows_loaded, rows_rejected,
       strftime(timezone('UTC', finished_at), '%Y-%m-%d %H:%M') AS finished_at, message
FROM ops.loads
WHERE status <> 'skipped' AND country_code = $country
QUALIFY row_number() OVER (PARTITION BY source, location ORDER BY started_at DESC, load_id DESC) = 1
ORDER BY source, location
