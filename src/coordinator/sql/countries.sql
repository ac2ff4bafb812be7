-- The countries the mart follows, with their names (the code when the reference lacks it).
SELECT m.country_code, coalesce(c.name_fr, m.country_code) AS name_fr, coalesce(c.name_en, m.country_code) AS name_en
FROM (SELECT DISTINCT country_code FROM mart.months) m
LEFT JOIN core.countries c USING (country_code)
ORDER BY name_fr, m.country_code
