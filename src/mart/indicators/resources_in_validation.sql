-- Resources in validation today, total and by level (mart.resource_stock: last complete month only).
SELECT country_code, period, disaggregation, in_validation AS amount
FROM mart.resource_stock
