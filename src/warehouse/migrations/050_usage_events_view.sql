-- core.usage_events becomes a view over raw.xapi_statements: every row it held was a copy of a raw
-- statement that is neither a void nor voided, so writing it again cost as much as the raw load
-- itself. A void now removes its target by being in core.voided_events, whichever came first.
DROP TABLE core.usage_events;
CREATE VIEW core.usage_events AS
SELECT r.event_id, r.occurred_at, r.country_code, r.actor_key, r.verb, r.object_id, r.source, r.load_id
FROM raw.xapi_statements r
ANTI JOIN core.voided_events v ON v.event_id = r.event_id
WHERE r.voided_target IS NULL;
