-- Per country, each tab or file's latest batch that did more than re-read unchanged content: its
-- counts are those of the rejects listed beside it. Rows read but not loaded are split into the
-- data rows named by a reject and the others (summary rows, repeats, rows already received).
WITH latest AS (
  SELECT * FROM ops.loads
  WHERE status <> 'skipped' AND country_code IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY source, location ORDER BY started_at DESC, load_id DESC) = 1
),
problem_rows AS (
  -- A reject's place ends with its row (Sessions!D9, file.csv:17); row 1 is the header.
  SELECT load_id, count(DISTINCT TRY_CAST(regexp_extract(location, '(\d+)$', 1) AS INTEGER))
           FILTER (WHERE TRY_CAST(regexp_extract(location, '(\d+)$', 1) AS INTEGER) > 1) AS n
  FROM ops.rejects
  WHERE load_id IN (SELECT load_id FROM latest)
  GROUP BY ALL
)
SELECT l.load_id, l.country_code, l.source, l.location, s.url, l.status,
       strftime(timezone('UTC', coalesce(l.finished_at, l.started_at)), '%Y-%m-%dT%H:%M:%SZ') AS finished_at,
       CAST(l.rows_read AS DOUBLE) AS rows_read, CAST(l.rows_loaded AS DOUBLE) AS rows_loaded,
       CAST(l.rows_rejected AS DOUBLE) AS rows_rejected,
       CAST(least(coalesce(p.n, 0), greatest(l.rows_read - l.rows_loaded, 0)) AS DOUBLE) AS rows_with_problems,
       l.message
FROM latest l
LEFT JOIN problem_rows p USING (load_id)
LEFT JOIN ops.source_locations s ON s.source = l.source AND s.location = l.location
ORDER BY l.country_code, l.source, l.location;
