-- One country's indicators, every month and breakdown, with where each stands against its
-- target and the year of the denominator a share was computed on.
SELECT indicator_id, strftime(period, '%Y-%m') AS period, disaggregation, value, target,
       target_status, denominator_year, status
FROM mart.indicators
WHERE country_code = $country
ORDER BY indicator_id, disaggregation, period;
