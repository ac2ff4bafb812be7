-- Activity ids of the batch that are not IRIs, each distinct id looked at once: cheaper than a
-- regular expression on every statement of a file read straight from disk (statements.sql).
-- Statements referred to ('urn:uuid:…') and agents ('agent:…') are kept as IRIs too.
SELECT count(*) AS n
FROM (SELECT DISTINCT object_id FROM raw.xapi_statements WHERE load_id = $load_id)
WHERE NOT xapi_iri(object_id)
