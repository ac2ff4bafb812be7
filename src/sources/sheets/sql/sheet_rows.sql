-- ops.sheet_rows: the fingerprint of every row of a tab as just loaded, replacing the last load's.
-- $rows is a JSON array of {k: row key, f: fingerprint}: one statement, whatever the tab's length.
DELETE FROM ops.sheet_rows WHERE country_code = $country_code AND tab = $tab;
INSERT OR REPLACE INTO ops.sheet_rows (country_code, tab, row_key, fingerprint)
SELECT $country_code, $tab, r.k, r.f FROM (SELECT unnest(from_json($rows, '[{"k":"VARCHAR","f":"VARCHAR"}]')) AS r);
