-- Targets voided by this batch; core.usage_events leaves them out, also when they arrive later.
INSERT INTO core.voided_events
SELECT voided_target, event_id, load_id
FROM raw.xapi_statements r
WHERE load_id = $load_id AND voided_target IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM core.voided_events v WHERE v.event_id = r.voided_target)
QUALIFY row_number() OVER (PARTITION BY voided_target ORDER BY stored_at, event_id) = 1;
