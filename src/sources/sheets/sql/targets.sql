-- core.targets: the regional Cibles tab covers every country, so it replaces the whole table.
DELETE FROM core.targets;
INSERT INTO core.targets (country_code, indicator_id, target, deadline, baseline, baseline_year, load_id)
VALUES ($country_code, $indicator_id, CAST($target AS DOUBLE), CAST($deadline AS DATE), CAST($baseline AS DOUBLE),
        CAST($baseline_year AS INTEGER), $load_id);
