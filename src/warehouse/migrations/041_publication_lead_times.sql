-- Publication lead time of each published resource, read from core.resource_status_history
-- (src/mart/tables/publication_lead_times.sql): what the publication_lead_time_days indicator takes
-- the median of, kept per resource so a snapshot as of an earlier date can take it again.
CREATE TABLE mart.publication_lead_times (
  country_code      VARCHAR NOT NULL,
  resource_id       VARCHAR NOT NULL,
  first_status      VARCHAR NOT NULL,    -- the earliest status recorded before publication
  first_status_date DATE NOT NULL,
  published_on      DATE NOT NULL,
  lead_time_days    INTEGER NOT NULL,
  PRIMARY KEY (country_code, resource_id)
);
