-- ops.source_locations: a place a source read, when it was last edited and where a person opens it.
INSERT OR REPLACE INTO ops.source_locations (source, location, country_code, edited_at, url, seen_at)
VALUES ($source, $location, $country_code, CAST($edited_at AS TIMESTAMPTZ), $url, CAST($seen_at AS TIMESTAMPTZ));
