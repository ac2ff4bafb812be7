-- Per country: whether it has any indicator, its phase-to-date target statuses and its
-- bottleneck flags by severity.
WITH phase AS (
  SELECT country_code,
         count(*) FILTER (WHERE target_status = 'off_track') AS off_track,
         count(*) FILTER (WHERE target_status = 'at_risk') AS at_risk,
         count(*) FILTER (WHERE target_status = 'on_track') AS on_track
  FROM mart.indicators_phase
  WHERE disaggregation = ''
  GROUP BY country_code
), flags AS (
  SELECT country_code,
         count(*) FILTER (WHERE severity = 'high') AS high,
         count(*) FILTER (WHERE severity = 'medium') AS medium,
         count(*) FILTER (WHERE severity = 'low') AS low
  FROM mart.bottlenecks
  GROUP BY country_code
)
SELECT c.country_code,
       EXISTS (SELECT 1 FROM mart.indicators i WHERE i.country_code = c.country_code) AS has_data,
       CAST(coalesce(p.off_track, 0) AS INTEGER) AS off_track,
       CAST(coalesce(p.at_risk, 0) AS INTEGER) AS at_risk,
       CAST(coalesce(p.on_track, 0) AS INTEGER) AS on_track,
       CAST(coalesce(f.high, 0) AS INTEGER) AS high,
       CAST(coalesce(f.medium, 0) AS INTEGER) AS medium,
       CAST(coalesce(f.low, 0) AS INTEGER) AS low
FROM core.countries c
LEFT JOIN phase p USING (country_code)
LEFT JOIN flags f USING (country_code)
ORDER BY c.country_code;
