-- The member countries with their names and teacher denominators.
SELECT country_code, iso_numeric, name_fr, name_en,
       CAST(primary_teachers AS DOUBLE) AS primary_teachers, primary_teachers_year,
       CAST(secondary_teachers AS DOUBLE) AS secondary_teachers, secondary_teachers_year
FROM core.countries
ORDER BY country_code;
