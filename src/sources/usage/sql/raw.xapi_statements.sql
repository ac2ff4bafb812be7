-- Valid statements of the batch, pseudonymised, straight from the statements relation (a TEMP
-- stage or the file itself) without holding the batch. Ids seen before or repeated inside the
-- batch are removed afterwards (raw.xapi_statements.seen.sql, .repeated.sql): then every join
-- involves a table whose size DuckDB knows. The actor's key is found by its identifier, or by
-- the hash of its properties for a clean file ({{actor_join}}, see statements.clean.sql). An
-- Agent or Group object is kept as 'agent:' and its key ({{object_keys}}: the join that finds it,
-- when the batch has such objects).
INSERT INTO raw.xapi_statements
SELECT s.event_id, s.occurred_at, s.stored_at, coalesce(s.country, ''), k.actor_key, s.verb,
       {{object_id}}, s.voided_target, $source, $load_id
FROM {{statements}} s
JOIN xapi_actor_keys k ON {{actor_join}}
{{object_keys}}
WHERE s.reason IS NULL;
