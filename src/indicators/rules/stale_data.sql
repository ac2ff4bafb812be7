-- Stale or missing data, one flag per country and source:
-- sheet not edited for $stale_sheet_days days (high from $stale_sheet_days_high, or never);
-- national export missing for a month it was due (high when the last month is missing);
-- no regional platform statement for $stale_regional_days days.
-- A country that never sent a national export nor is required to gets an info note.
WITH b AS (SELECT built_for AT TIME ZONE 'UTC' AS now, as_of FROM mart.build_info),
countries AS (SELECT DISTINCT country_code FROM mart.months),
sheet AS (
  SELECT c.country_code, max(u.updated_at) AS last_update
  FROM countries c LEFT JOIN mart.sheet_updates u USING (country_code)
  GROUP BY ALL
),
sheet_flags AS (
  SELECT
    s.country_code,
    CASE
      WHEN s.last_update IS NULL OR datediff('day', s.last_update::DATE, b.now::DATE) >= $stale_sheet_days_high THEN 'high'
      ELSE 'medium'
    END AS severity,
    s.last_update::DATE AS since,
    to_json({
      source: 'sheet',
      last_update: s.last_update::DATE,
      days: datediff('day', s.last_update::DATE, b.now::DATE),
      threshold_days: $stale_sheet_days
    })::VARCHAR AS evidence
  FROM sheet s, b
  WHERE s.last_update IS NULL OR datediff('day', s.last_update::DATE, b.now::DATE) >= $stale_sheet_days
),
national AS (
  SELECT
    country_code,
    list(period ORDER BY period) FILTER (WHERE NOT received) AS missing,
    count(*) FILTER (WHERE expected) AS expected_months,
    bool_or(NOT received AND period = b.as_of) AS last_missing
  FROM mart.completeness, b
  WHERE source = 'national-csv' AND expected
  GROUP BY ALL
),
national_flags AS (
  SELECT
    n.country_code,
    CASE WHEN n.last_missing THEN 'high' ELSE 'medium' END AS severity,
    n.missing[1] AS since,
    to_json({source: 'national-csv', missing_months: n.missing, expected_months: n.expected_months})::VARCHAR AS evidence
  FROM national n
  WHERE len(n.missing) > 0
),
national_never AS (
  SELECT c.country_code, 'info' AS severity, NULL::DATE AS since,
    to_json({source: 'national-csv', never_received: true})::VARCHAR AS evidence
  FROM countries c
  WHERE c.country_code NOT IN (SELECT country_code FROM mart.completeness WHERE source = 'national-csv')
),
regional AS (
  SELECT c.country_code, max(u.last_event_at) AS last_event
  FROM countries c LEFT JOIN mart.usage_monthly u ON u.country_code = c.country_code AND u.last_event_at <= (SELECT now FROM b)
  GROUP BY ALL
),
regional_flags AS (
  SELECT
    r.country_code,
    CASE WHEN r.last_event IS NULL THEN 'info' ELSE 'medium' END AS severity,
    r.last_event::DATE AS since,
    to_json({
      source: 'regional-platform',
      last_event: r.last_event::DATE,
      days: datediff('day', r.last_event::DATE, b.now::DATE),
      threshold_days: $stale_regional_days,
      never_received: r.last_event IS NULL
    })::VARCHAR AS evidence
  FROM regional r, b
  WHERE r.last_event IS NULL OR datediff('day', r.last_event::DATE, b.now::DATE) >= $stale_regional_days
)
SELECT country_code, 'stale_data' AS rule_id, severity, since, evidence FROM sheet_flags
UNION ALL SELECT country_code, 'stale_data', severity, since, evidence FROM national_flags
UNION ALL SELECT country_code, 'stale_data', severity, since, evidence FROM national_never
UNION ALL SELECT country_code, 'stale_data', severity, since, evidence FROM regional_flags
