-- The LRS high-water mark, saved in the same transaction as the statements it covers.
INSERT INTO ops.cursors VALUES ($source, $key, $value, now())
ON CONFLICT (source, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;
