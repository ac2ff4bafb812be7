-- How many rejects are open per country ('' for batches no country owns), for "n of total".
WITH latest AS (
  SELECT * FROM ops.loads
  WHERE status <> 'skipped'
  QUALIFY row_number() OVER (PARTITION BY source, location ORDER BY started_at DESC, load_id DESC) = 1
)
SELECT coalesce(l.country_code, '') AS country_code, CAST(count(*) AS INTEGER) AS total
FROM ops.rejects r JOIN latest l USING (load_id)
GROUP BY ALL
ORDER BY country_code;
