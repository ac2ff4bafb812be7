-- Resources per country, discipline, level and status.
SELECT country_code, coalesce(discipline, '') AS discipline, coalesce(level, '') AS level,
       coalesce(status, '') AS status, CAST(count(*) AS INTEGER) AS resources
FROM core.resources
GROUP BY ALL
ORDER BY ALL;
