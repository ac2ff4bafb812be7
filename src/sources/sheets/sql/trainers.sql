-- core.trainers: one country's Formateurs tab replaces that country's rows (delete, then one insert per valid row).
DELETE FROM core.trainers WHERE country_code = $country_code;
INSERT INTO core.trainers (country_code, trainer_id, sex, region, role, trained_on, certified, load_id)
VALUES ($country_code, $trainer_id, $sex, $region, $role, CAST($trained_on AS DATE), $certified, $load_id);
