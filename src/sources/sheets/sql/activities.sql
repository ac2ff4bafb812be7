-- core.activities: one country's Activités tab replaces that country's rows; owner_key is already keyed.
DELETE FROM core.activities WHERE country_code = $country_code;
INSERT INTO core.activities (country_code, activity_id, activity, owner_key, due_date, status, comment, load_id)
VALUES ($country_code, $activity_id, $activity, $owner_key, CAST($due_date AS DATE), $status, $comment, $load_id);
