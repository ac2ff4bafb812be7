-- Statements of the batch whose id was loaded by an earlier batch (ids are compared in lower
-- case, the form they are kept in), and those of them whose content differs: what the
-- warehouse keeps of a statement (actor, verb, object, time). The first are dropped as copies
-- (raw.xapi_statements.seen.sql), the second refused (ops.rejects.conflicts.sql).
SELECT count(*) AS seen,
       count(*) FILTER (WHERE o.actor_key <> n.actor_key OR o.verb <> n.verb OR o.object_id <> n.object_id
                        OR o.occurred_at <> n.occurred_at) AS conflicts
FROM raw.xapi_statements n
JOIN raw.xapi_statements o ON o.event_id = n.event_id
WHERE n.load_id = $load_id AND o.load_id <> $load_id
