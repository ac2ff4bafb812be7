-- Teachers trained through the cascade per country, month and level.
SELECT country_code, strftime(start_date, '%Y-%m') AS period, coalesce(level, '') AS level,
       CAST(sum(coalesce(teachers_trained_f, 0)) AS DOUBLE) AS women,
       CAST(sum(coalesce(teachers_trained_m, 0)) AS DOUBLE) AS men
FROM core.training_sessions
WHERE start_date IS NOT NULL
GROUP BY ALL
ORDER BY ALL;
