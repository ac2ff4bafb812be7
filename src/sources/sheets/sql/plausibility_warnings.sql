-- ops.plausibility_warnings: a tab's warnings, replaced with each load of the tab.
DELETE FROM ops.plausibility_warnings WHERE country_code = $country_code AND tab = $tab;
INSERT INTO ops.plausibility_warnings (warning_id, country_code, tab, row_number, location, rule_id, evidence, fingerprint, message_fr, message_en, load_id)
VALUES ($warning_id, $country_code, $tab, $row_number, $location, $rule_id, $evidence, $fingerprint, $message_fr, $message_en, $load_id);
