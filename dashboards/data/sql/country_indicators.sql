-- One country's indicators, every month and breakdown.
SELECT indicator_id, strftime(period, '%Y-%m') AS period, disaggregation, value, target, status
FROM mart.indicators
WHERE country_code = $country
ORDER BY indicator_id, disaggregation, period;
