-- Every status a resource was seen in, with the date the sheet gave it then. The Ressources tab
-- holds only the current status, so the time from production to publication can only be read
-- from what earlier loads saw. Rows deleted from the sheet keep their history.
CREATE TABLE core.resource_status_history (
  country_code       VARCHAR NOT NULL,
  resource_id        VARCHAR NOT NULL,
  status             VARCHAR NOT NULL,   -- in_production | in_validation | validated | published | rejected
  status_date        DATE,               -- `Date du statut` when the pair was first seen
  first_seen_load_id VARCHAR NOT NULL,
  PRIMARY KEY (country_code, resource_id, status)
);

-- A warehouse loaded before this table existed: its current statuses are the first ones seen.
INSERT INTO core.resource_status_history
SELECT country_code, resource_id, status, status_date, load_id
FROM core.resources
WHERE status IS NOT NULL;
