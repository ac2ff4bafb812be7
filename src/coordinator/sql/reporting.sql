-- Whether each country's reports for month $month arrived, and on time (national exports, sheet).
SELECT country_code, source, expected, received, on_time,
  strftime(received_at, '%Y-%m-%d') AS received_on,
  strftime(deadline, '%Y-%m-%d') AS deadline
FROM mart.completeness
WHERE period = $month::DATE
ORDER BY country_code, source
