-- ops.cursors: the content hash of the last load of each country tab, so an unchanged tab is not reloaded.
INSERT OR REPLACE INTO ops.cursors (source, key, value, updated_at)
VALUES ('sheet', $key, $value, CAST($updated_at AS TIMESTAMPTZ));
