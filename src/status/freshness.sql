-- Newest data per source and country: the latest day the data itself describes, and when it was loaded.
WITH latest AS (
  SELECT 'xapi' AS source, country_code, max(occurred_at)::DATE AS latest_day FROM core.usage_events GROUP BY ALL
  UNION ALL
  SELECT 'national-csv', country_code, max(day) FROM core.national_usage GROUP BY ALL
  UNION ALL
  SELECT 'sheet', country_code, max(modified_at)::DATE FROM core.sheet_syncs GROUP BY ALL
),
loaded AS (
  SELECT source, country_code, max(finished_at) AS last_loaded
  FROM ops.loads WHERE status IN ('loaded', 'loaded_with_rejects') AND country_code IS NOT NULL
  GROUP BY ALL
)
SELECT c.country_code, l.source, strftime(l.latest_day, '%Y-%m-%d') AS latest_day,
       date_diff('day', l.latest_day, $today::DATE) AS days_old,
       strftime(d.last_loaded, '%Y-%m-%d %H:%M') AS last_loaded
FROM core.countries c
JOIN latest l USING (country_code)
LEFT JOIN loaded d ON d.country_code = c.country_code AND d.source = l.source
ORDER BY c.country_code, l.source
