-- Distinct actor identifiers of the batch, numbered so they can be keyed in JS chunk by chunk;
-- xapi_actor_keys receives the keyed hash of each. TEMP: identifiers in clear never persist.
CREATE OR REPLACE TEMP TABLE xapi_idents AS
SELECT row_number() OVER () AS n, ident
FROM (SELECT DISTINCT ident FROM xapi_stage WHERE reason IS NULL);

CREATE OR REPLACE TEMP TABLE xapi_actor_keys (ident VARCHAR, actor_key VARCHAR);
