-- core.national_usage keeps one row per country, platform and day because the national CSV import
-- refuses a day given twice in a file and deletes the days a file covers before inserting them;
-- maintaining the primary-key index cost more than reading and checking the file at a million
-- rows, so the table is rebuilt without it.
CREATE TABLE core.national_usage_unindexed AS SELECT * FROM core.national_usage;
DROP TABLE core.national_usage;
CREATE TABLE core.national_usage (
  country_code VARCHAR NOT NULL,
  platform     VARCHAR NOT NULL,
  day          DATE NOT NULL,
  active_users BIGINT,
  new_users    BIGINT,
  sessions     BIGINT,
  page_views   BIGINT,
  downloads    BIGINT,
  load_id      VARCHAR NOT NULL
);
INSERT INTO core.national_usage SELECT * FROM core.national_usage_unindexed;
DROP TABLE core.national_usage_unindexed;
