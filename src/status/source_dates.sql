-- The three dates of each source per country (ops.source_dates), and the age of its latest
-- reported day. A day after $today is not reported yet (a statement stamped ahead of the clock).
SELECT d.country_code, d.source,
       strftime(timezone('UTC', d.last_edited), '%Y-%m-%d %H:%M') AS last_edited,
       strftime(timezone('UTC', d.last_loaded), '%Y-%m-%d %H:%M') AS last_loaded,
       strftime(least(d.latest_reported, $today::DATE), '%Y-%m-%d') AS latest_reported,
       date_diff('day', least(d.latest_reported, $today::DATE), $today::DATE) AS days_old
FROM ops.source_dates d
JOIN core.countries c USING (country_code)
WHERE $country = '' OR d.country_code = $country
ORDER BY d.country_code, d.source
