-- Resources validated and not yet published today, total and by level (mart.resource_stock).
SELECT country_code, period, disaggregation, validated AS amount
FROM mart.resource_stock
