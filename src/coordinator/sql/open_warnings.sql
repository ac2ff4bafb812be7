-- Plausibility warnings of each country's sheet that its team has neither corrected nor confirmed.
SELECT country_code, warning_id, location, rule_id, message_fr, message_en
FROM ops.open_plausibility_warnings
WHERE country_code <> 'regional'
ORDER BY country_code, tab, row_number NULLS FIRST, warning_id
