-- Resources in validation for $stuck_days days or more: flagged from $stuck_min_count of them,
-- high from $stuck_high_count, since the oldest one entered validation.
WITH b AS (SELECT (built_for AT TIME ZONE 'UTC')::DATE AS today FROM mart.build_info),
reported AS (SELECT DISTINCT country_code FROM core.resources),
waiting AS (
  SELECT r.country_code, r.resource_id, r.status_date, datediff('day', r.status_date, b.today) AS age
  FROM core.resources r, b
  WHERE r.status = 'in_validation' AND r.status_date IS NOT NULL
),
per_country AS (
  SELECT
    country_code,
    count(*) AS in_validation,
    count(*) FILTER (WHERE age >= $stuck_days) AS stuck,
    max(age) AS oldest_days,
    median(age) FILTER (WHERE age >= $stuck_days) AS median_stuck_days,
    min(status_date) FILTER (WHERE age >= $stuck_days) AS since,
    -- The oldest ten, so the country team knows which ones to chase.
    (list(resource_id ORDER BY status_date, resource_id) FILTER (WHERE age >= $stuck_days))[1:10] AS resources
  FROM waiting GROUP BY ALL
),
countries AS (SELECT DISTINCT country_code FROM mart.months)
SELECT
  c.country_code,
  'resources_stuck_in_validation' AS rule_id,
  CASE WHEN r.country_code IS NULL THEN 'info' WHEN p.stuck >= $stuck_high_count THEN 'high' ELSE 'medium' END AS severity,
  p.since,
  CASE WHEN r.country_code IS NULL THEN to_json({no_data: true})::VARCHAR
    ELSE to_json({
      stuck: p.stuck,
      in_validation: p.in_validation,
      oldest_days: p.oldest_days,
      median_stuck_days: p.median_stuck_days,
      threshold_days: $stuck_days,
      resources: p.resources,
      no_data: false
    })::VARCHAR END AS evidence
FROM countries c
LEFT JOIN reported r USING (country_code)
LEFT JOIN per_country p USING (country_code)
WHERE r.country_code IS NULL OR p.stuck >= $stuck_min_count
