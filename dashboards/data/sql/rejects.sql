-- The most recent rejects with their exact place (a file outside the project by its name, never
-- an absolute path); capped so the page stays small.
SELECT r.source, coalesce(l.country_code, '') AS country_code,
       regexp_replace(r.location, '^(?:[A-Za-z]:)?[/\\](?:[^/\\]*[/\\])*', '') AS location, r."column" AS "column",
       left(r.value, 200) AS value, r.reason_fr, r.reason_en,
       strftime(timezone('UTC', l.started_at), '%Y-%m-%dT%H:%M:%SZ') AS loaded_at
FROM ops.rejects r
JOIN ops.loads l USING (load_id)
WHERE $country = '' OR l.country_code = $country
ORDER BY l.started_at DESC, r.location
LIMIT $limit;
