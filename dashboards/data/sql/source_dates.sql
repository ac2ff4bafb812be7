-- The three dates of each source per country (ops.source_dates), as ISO text in UTC.
SELECT country_code, source,
       strftime(timezone('UTC', last_edited), '%Y-%m-%dT%H:%M:%SZ') AS last_edited,
       strftime(timezone('UTC', last_loaded), '%Y-%m-%dT%H:%M:%SZ') AS last_loaded,
       strftime(latest_reported, '%Y-%m-%d') AS latest_reported
FROM ops.source_dates
ORDER BY country_code, source;
