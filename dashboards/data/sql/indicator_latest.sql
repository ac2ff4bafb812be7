-- Latest known value of each indicator per country (whole population, not a breakdown), with its
-- standing against the target trajectory that month.
SELECT country_code, indicator_id, strftime(period, '%Y-%m') AS period, value, target, status, target_status
FROM mart.indicators
WHERE disaggregation = '' AND value IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY country_code, indicator_id ORDER BY period DESC) = 1
ORDER BY country_code, indicator_id;
