-- Usage events as Hive-partitioned Parquet (year / month / country), readable by DuckDB from object
-- storage or by BigQuery, Spark and Trino. Partition values live in the paths, not the files.
COPY (
  SELECT event_id, occurred_at, actor_key, verb, object_id, source, load_id,
         year(occurred_at AT TIME ZONE 'UTC') AS year,
         month(occurred_at AT TIME ZONE 'UTC') AS month,
         country_code AS country
  FROM core.usage_events
) TO {{target}} (FORMAT parquet, PARTITION_BY (year, month, country), OVERWRITE_OR_IGNORE, FILENAME_PATTERN 'events_{i}')
