-- One country's activities that are due and not done, with the comment the team wrote.
SELECT activity_id, activity, strftime(due_date, '%Y-%m-%d') AS due_date, status, comment
FROM core.activities
WHERE country_code = $country AND status NOT IN ('done', 'cancelled')
ORDER BY due_date NULLS LAST, activity_id
LIMIT 50;
