-- Trainers per country and sex, trained and certified.
SELECT country_code, coalesce(sex, '') AS sex,
       CAST(count(*) AS INTEGER) AS trained,
       CAST(count(*) FILTER (WHERE certified) AS INTEGER) AS certified
FROM core.trainers
GROUP BY ALL
ORDER BY ALL;
