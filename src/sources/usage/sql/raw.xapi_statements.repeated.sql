-- A statement id given more than once in the batch is kept once: its first occurrence (inserts
-- keep the order of the file, so the lowest rowid).
DELETE FROM raw.xapi_statements
WHERE load_id = $load_id AND rowid IN (
  SELECT rowid FROM raw.xapi_statements
  WHERE load_id = $load_id
  QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY rowid) > 1
);
