-- What a clean NDJSON file's batch is checked for once loaded (statements.clean.sql), on its
-- columns, each distinct value once, which reads far faster than the statements' JSON: object
-- ids that are not IRIs ('' for an object that was no Activity nor StatementRef; statements
-- referred to are kept as 'urn:uuid:…'), country codes that are missing or not known, voids
-- that point at no statement. Any of them sends the file to the stage, which says which
-- statement and why (statements.sql). Each reads only its columns (a shared CTE would be
-- materialised whole).
SELECT
  (SELECT count(*) FROM (SELECT DISTINCT object_id FROM raw.xapi_statements WHERE load_id = $load_id) WHERE NOT xapi_iri(object_id))
  + (SELECT count(*) FROM (SELECT DISTINCT country_code FROM raw.xapi_statements WHERE load_id = $load_id AND voided_target IS NULL)
     WHERE NOT (country_code IN (SELECT country_code FROM core.countries)
                OR (NOT $has_reference AND regexp_full_match(country_code, '[A-Z]{2}'))))
  + (SELECT count(*) FROM (SELECT DISTINCT verb FROM raw.xapi_statements WHERE load_id = $load_id AND voided_target IS NULL)
     WHERE xapi_is_void(verb)) AS n
