-- Ids given more than once in the batch with different content (see .overlap.sql): an id names
-- one statement, so the later ones are refused rather than silently dropped.
SELECT count(*) AS n FROM (
  SELECT event_id FROM raw.xapi_statements WHERE load_id = $load_id GROUP BY event_id
  HAVING min(actor_key) <> max(actor_key) OR min(verb) <> max(verb) OR min(object_id) <> max(object_id)
      OR min(occurred_at) <> max(occurred_at)
)
