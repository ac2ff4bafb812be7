-- Rejected statements of the batch, with where they were and why (reasons from xapi_reasons; a
-- code it lacks still makes a reject, naming the property).
INSERT INTO ops.rejects
SELECT $load_id, $source, coalesce($id_location_prefix || s.event_id, $location_prefix || s.line),
       coalesce(r."column", NULLIF(split_part(s.reason, '|', 1), 'json')), s.reject_value,
       coalesce(r.reason_fr, 'Propriété invalide : ' || s.reason), coalesce(r.reason_en, 'Invalid property: ' || s.reason)
FROM {{statements}} s
LEFT JOIN xapi_reasons r ON r.code = s.reason
WHERE s.reason IS NOT NULL
ORDER BY s.line;
