-- Every country's monthly series (whole population) for the pages that compare countries.
SELECT country_code, indicator_id, strftime(period, '%Y-%m') AS period, value, target
FROM mart.indicators
WHERE disaggregation = ''
ORDER BY indicator_id, country_code, period;
