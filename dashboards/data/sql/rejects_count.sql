-- How many rejects there are in all, for the "n of total" line.
SELECT CAST(count(*) AS INTEGER) AS total
FROM ops.rejects r
JOIN ops.loads l USING (load_id)
WHERE $country = '' OR l.country_code = $country;
