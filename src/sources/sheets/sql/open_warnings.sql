-- The plausibility warnings of a spreadsheet ($country_code: ISO2 or 'regional') that its team
-- has not confirmed as they stand, in the order a person goes through the sheet.
SELECT w.warning_id, w.tab, w.row_number, w.location, w.rule_id, w.message_fr, w.message_en
FROM ops.plausibility_warnings w
LEFT JOIN ops.plausibility_confirmations c USING (warning_id, fingerprint)
WHERE w.country_code = $country_code AND c.warning_id IS NULL
ORDER BY w.tab, w.row_number NULLS FIRST, w.warning_id;
