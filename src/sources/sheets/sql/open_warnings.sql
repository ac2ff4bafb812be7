-- The plausibility warnings of a spreadsheet ($country_code: ISO2 or 'regional') its team has not
-- confirmed as they stand, in the order a person goes through the sheet.
SELECT warning_id, tab, row_number, location, rule_id, message_fr, message_en
FROM ops.open_plausibility_warnings
WHERE country_code = $country_code
ORDER BY tab, row_number NULLS FIRST, warning_id;
