-- Plausibility warnings not yet corrected nor confirmed by the teams, sheet by sheet (of one country, or all).
SELECT country_code, warning_id, location, rule_id, message_fr, message_en
FROM ops.open_plausibility_warnings
WHERE $country = '' OR country_code = $country
ORDER BY country_code, tab, row_number NULLS FIRST, warning_id
