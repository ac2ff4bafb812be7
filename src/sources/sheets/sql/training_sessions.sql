-- core.training_sessions: one country's Sessions tab replaces that country's rows.
DELETE FROM core.training_sessions WHERE country_code = $country_code;
INSERT INTO core.training_sessions (country_code, session_id, trainer_id, start_date, end_date, region, level, modality, teachers_trained_f, teachers_trained_m, load_id)
VALUES ($country_code, $session_id, $trainer_id, CAST($start_date AS DATE), CAST($end_date AS DATE), $region, $level, $modality,
        CAST($teachers_trained_f AS BIGINT), CAST($teachers_trained_m AS BIGINT), $load_id);
