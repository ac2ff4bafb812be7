-- ops.sheet_changes: what a tab's load added, changed and removed against the load before.
INSERT INTO ops.sheet_changes (load_id, country_code, tab, rows_added, rows_changed, rows_removed)
VALUES ($load_id, $country_code, $tab, $rows_added, $rows_changed, $rows_removed);
