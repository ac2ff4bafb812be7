-- ops.plausibility_confirmations: the team confirmed a warning as it stands (its values' fingerprint).
INSERT OR IGNORE INTO ops.plausibility_confirmations (warning_id, fingerprint, confirmed_at)
SELECT warning_id, fingerprint, CAST($confirmed_at AS TIMESTAMPTZ)
FROM ops.plausibility_warnings
WHERE warning_id = $warning_id AND country_code = $country_code;
