-- Rejected statements of the batch, with where they were and why (reasons from xapi_reasons).
INSERT INTO ops.rejects
SELECT $load_id, $source, coalesce($id_location_prefix || s.event_id, $location_prefix || s.line),
       r."column", s.reject_value, r.reason_fr, r.reason_en
FROM {{statements}} s
JOIN xapi_reasons r ON r.code = s.reason
ORDER BY s.line;
