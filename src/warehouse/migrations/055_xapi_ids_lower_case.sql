-- xAPI statement ids are UUIDs, which compare without regard to case: the xAPI load now keeps
-- them in lower case, so that a repeat or a void written in another case finds its statement.
-- Ids loaded before in another case are lowered too; a statement that reached the warehouse
-- twice under two cases is kept once, as first loaded. (core.voided_events is rebuilt rather
-- than updated: its primary key would refuse two ids lowered alike.)
UPDATE raw.xapi_statements SET event_id = lower(event_id) WHERE event_id <> lower(event_id);
UPDATE raw.xapi_statements SET voided_target = lower(voided_target) WHERE voided_target <> lower(voided_target);
DELETE FROM raw.xapi_statements WHERE rowid IN (
  SELECT rowid FROM raw.xapi_statements QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY rowid) > 1
);
CREATE TEMP TABLE voided_lower AS
SELECT lower(event_id) AS event_id, lower(voided_by) AS voided_by, load_id FROM core.voided_events
QUALIFY row_number() OVER (PARTITION BY lower(event_id) ORDER BY rowid) = 1;
DELETE FROM core.voided_events WHERE event_id <> lower(event_id) OR voided_by <> lower(voided_by);
INSERT INTO core.voided_events
SELECT * FROM voided_lower v WHERE NOT EXISTS (SELECT 1 FROM core.voided_events e WHERE e.event_id = v.event_id);
DROP TABLE voided_lower;
