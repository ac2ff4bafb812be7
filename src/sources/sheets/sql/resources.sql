-- core.resources: one country's Ressources tab replaces that country's rows.
DELETE FROM core.resources WHERE country_code = $country_code;
INSERT INTO core.resources (country_code, resource_id, title, discipline, level, language, type, status, status_date, link, load_id)
VALUES ($country_code, $resource_id, $title, $discipline, $level, $language, $type, $status, CAST($status_date AS DATE), $link, $load_id);
