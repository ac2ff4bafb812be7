-- core.sheet_syncs: when a country's tab was last read, and the latest business date found in it.
INSERT OR REPLACE INTO core.sheet_syncs (country_code, tab, synced_at, modified_at, load_id)
VALUES ($country_code, $tab, CAST($synced_at AS TIMESTAMPTZ), CAST($modified_at AS TIMESTAMPTZ), $load_id);
