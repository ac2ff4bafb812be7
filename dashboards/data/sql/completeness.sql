-- Reports expected, received and received on time, per country, month and source.
SELECT country_code, strftime(period, '%Y-%m') AS period, source, expected, received, on_time,
       strftime(deadline, '%Y-%m-%d') AS deadline
FROM mart.completeness
ORDER BY country_code, period, source;
