-- Resources out of production (in validation, validated or published) today, total and by level
-- (mart.resource_stock).
SELECT country_code, period, disaggregation, in_validation + validated + published AS amount
FROM mart.resource_stock
