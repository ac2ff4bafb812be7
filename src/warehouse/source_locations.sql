-- ops.source_locations: places a source read (one a list position), when each was last edited and
-- where a person opens it.
INSERT OR REPLACE INTO ops.source_locations (source, location, country_code, edited_at, url, seen_at)
SELECT unnest($sources), unnest($locations), unnest($country_codes), CAST(unnest($edited_at) AS TIMESTAMPTZ), unnest($urls),
  CAST($seen_at AS TIMESTAMPTZ);
