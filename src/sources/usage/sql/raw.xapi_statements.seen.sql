-- A statement id is stored once however often it arrives: the batch's copies of ids loaded by
-- an earlier batch go.
DELETE FROM raw.xapi_statements
WHERE load_id = $load_id
  AND event_id IN (SELECT event_id FROM raw.xapi_statements WHERE load_id <> $load_id);
