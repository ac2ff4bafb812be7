-- Statements of a staged batch refused because their id was loaded before, or comes earlier in
-- the batch, with other content (actor, verb, object or time): an id names one statement, so
-- the later one neither replaces the first nor joins it. Copies with the same content are
-- dropped without a word (raw.xapi_statements.seen.sql, .repeated.sql).
INSERT INTO ops.rejects
WITH batch AS (
  SELECT s.line, s.event_id, k.actor_key, s.verb, {{object_id}} AS object_id, s.occurred_at
  FROM {{statements}} s
  JOIN xapi_actor_keys k ON {{actor_join}}
  {{object_keys}}
  WHERE s.reason IS NULL
), first AS (
  SELECT * FROM batch QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY line) = 1
), earlier AS (
  SELECT event_id, actor_key, verb, object_id, occurred_at FROM raw.xapi_statements
  WHERE load_id <> $load_id AND event_id IN (SELECT event_id FROM batch)
)
SELECT $load_id, $source, coalesce($id_location_prefix || b.event_id, $location_prefix || b.line), r."column", b.event_id,
       r.reason_fr, r.reason_en
FROM batch b
JOIN xapi_reasons r ON r.code = 'id|conflict'
WHERE EXISTS (SELECT 1 FROM earlier e WHERE e.event_id = b.event_id
                AND (e.actor_key <> b.actor_key OR e.verb <> b.verb OR e.object_id <> b.object_id OR e.occurred_at <> b.occurred_at))
   OR EXISTS (SELECT 1 FROM first f WHERE f.event_id = b.event_id AND f.line < b.line
                AND (f.actor_key <> b.actor_key OR f.verb <> b.verb OR f.object_id <> b.object_id OR f.occurred_at <> b.occurred_at))
ORDER BY b.line;
