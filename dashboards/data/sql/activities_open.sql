-- One country's activities that are due and not done. Their free-text comment is private by the
-- Activités tab's contract (src/sources/sheets/contracts.ts): it stays in the warehouse.
SELECT activity_id, activity, strftime(due_date, '%Y-%m-%d') AS due_date, status
FROM core.activities
WHERE country_code = $country AND status NOT IN ('done', 'cancelled')
ORDER BY due_date NULLS LAST, activity_id
LIMIT 50;
