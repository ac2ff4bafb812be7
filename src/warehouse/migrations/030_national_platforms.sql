-- National platforms seen in exports. core.national_usage stores a monthly row on the month's
-- first day; `granularity` tells whether a platform's rows are days or months.
CREATE TABLE core.national_platforms (
  country_code VARCHAR NOT NULL,
  platform     VARCHAR NOT NULL,
  granularity  VARCHAR NOT NULL,   -- day | month
  load_id      VARCHAR NOT NULL,   -- the last load that reported this platform
  PRIMARY KEY (country_code, platform)
);
