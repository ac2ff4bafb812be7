-- Live usage from this batch: new statements that are neither voiding statements nor voided.
INSERT INTO core.usage_events
SELECT event_id, occurred_at, country_code, actor_key, verb, object_id, source, load_id
FROM raw.xapi_statements r
WHERE load_id = $load_id AND voided_target IS NULL
  AND NOT EXISTS (SELECT 1 FROM core.voided_events v WHERE v.event_id = r.event_id);
