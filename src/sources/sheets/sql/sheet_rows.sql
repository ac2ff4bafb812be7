-- ops.sheet_rows: the fingerprint of every row of a tab as just loaded, replacing the last load's.
DELETE FROM ops.sheet_rows WHERE country_code = $country_code AND tab = $tab;
INSERT OR REPLACE INTO ops.sheet_rows (country_code, tab, row_key, fingerprint) VALUES ($country_code, $tab, $row_key, $fingerprint);
