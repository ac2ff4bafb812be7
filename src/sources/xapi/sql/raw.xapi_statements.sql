-- Valid statements of the batch never seen before, pseudonymised: a statement id is stored once
-- however often it arrives. The "dedupe" slot keeps the first occurrence in the batch; it is left
-- empty when the batch has no repeated id, which saves grouping every row.
INSERT INTO raw.xapi_statements
SELECT s.event_id, s.occurred_at, s.stored_at, coalesce(s.country, ''), k.actor_key, s.verb, s.object_id,
       CASE WHEN s.is_void THEN s.object_id END, $source, $load_id
FROM xapi_stage s
JOIN xapi_actor_keys k ON k.ident = s.ident
WHERE s.reason IS NULL
  AND NOT EXISTS (SELECT 1 FROM raw.xapi_statements r WHERE r.event_id = s.event_id)
{{dedupe}};
