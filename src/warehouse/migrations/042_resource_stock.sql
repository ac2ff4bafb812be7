-- Resources per status as the sheets stand today, by country and level, for the last complete
-- month (the sheet keeps only current statuses). Counts are NULL for a country with no
-- Ressources row at all: no value rather than zero.
CREATE TABLE mart.resource_stock (
  country_code   VARCHAR NOT NULL,
  period         DATE NOT NULL,
  disaggregation VARCHAR NOT NULL,
  in_validation  BIGINT,
  validated      BIGINT,
  published      BIGINT
);
