-- The resources waiting longest in validation, with their titles as the country typed them.
SELECT country_code, resource_id, title, discipline, level,
       strftime(status_date, '%Y-%m-%d') AS status_date
FROM core.resources
WHERE status = 'in_validation'
ORDER BY status_date NULLS LAST, country_code, resource_id
LIMIT $limit;
