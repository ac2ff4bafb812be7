-- Stale or missing data, one flag per country and source:
-- sheet not edited for $stale_sheet_days days (high from $stale_sheet_days_high, or never);
-- national export missing for a month it was due, or a month without regional platform statement
-- since the first one (high when the last month is missing).
-- A country that never sent a national export (and is not required to) or never appeared on the
-- regional platform gets an info note.
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
-- The regional platform is pulled centrally: a month with no statement from a country that sent
-- some before means its use is no longer recorded.
regional_from AS (
  SELECT country_code, min(period) AS first_period FROM mart.usage_monthly GROUP BY ALL
),
regional AS (
  SELECT
    m.country_code,
    list(m.period ORDER BY m.period) FILTER (WHERE u.period IS NULL) AS missing,
    bool_or(u.period IS NULL AND m.period = b.as_of) AS last_missing
  FROM mart.months m
  JOIN regional_from f ON f.country_code = m.country_code AND m.period >= f.first_period
  LEFT JOIN mart.usage_monthly u ON u.country_code = m.country_code AND u.period = m.period
  CROSS JOIN b
  GROUP BY ALL
),
regional_flags AS (
  SELECT
    r.country_code,
    CASE WHEN r.last_missing THEN 'high' ELSE 'medium' END AS severity,
    r.missing[1] AS since,
    to_json({source: 'regional-platform', missing_months: r.missing})::VARCHAR AS evidence
  FROM regional r
  WHERE len(r.missing) > 0
),
regional_never AS (
  SELECT c.country_code, 'info' AS severity, NULL::DATE AS since,
    to_json({source: 'regional-platform', never_received: true})::VARCHAR AS evidence
  FROM countries c
  WHERE c.country_code NOT IN (SELECT country_code FROM regional_from)
)
SELECT country_code, 'stale_data' AS rule_id, severity, since, evidence FROM sheet_flags
UNION ALL SELECT country_code, 'stale_data', severity, since, evidence FROM national_flags
UNION ALL SELECT country_code, 'stale_data', severity, since, evidence FROM national_never
UNION ALL SELECT country_code, 'stale_data', severity, since, evidence FROM regional_flags
UNION ALL SELECT country_code, 'stale_data', severity, since, evidence FROM regional_never
