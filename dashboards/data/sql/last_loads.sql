-- The last batch of each source for each country (reference data has no country). No absolute
-- path reaches the site: a file outside the project is named from its file name on, and so are
-- the paths a failure's message quotes.
SELECT source, coalesce(country_code, '') AS country_code,
       regexp_replace(location, '^(?:[A-Za-z]:)?[/\\](?:[^/\\]*[/\\])*', '') AS location, status,
       strftime(timezone('UTC', coalesce(finished_at, started_at)), '%Y-%m-%dT%H:%M:%SZ') AS finished_at,
       CAST(rows_read AS DOUBLE) AS rows_read, CAST(rows_loaded AS DOUBLE) AS rows_loaded,
       CAST(rows_rejected AS DOUBLE) AS rows_rejected,
       regexp_replace(message, '(^|[\s(«"''])(?:[A-Za-z]:)?[/\\](?:[^/\\\s]+[/\\])+', '\1', 'g') AS message
FROM ops.loads
QUALIFY row_number() OVER (PARTITION BY source, country_code ORDER BY started_at DESC) = 1
ORDER BY country_code, source;
