SELECT source, location, strftime(finished_at, '%Y-%m-%d %H:%M') AS finished_at, message
FROM ops.loads WHERE status = 'failed' AND ($country = '' OR country_code = $country)
ORDER BY started_at DESC LIMIT 1
