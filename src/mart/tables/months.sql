-- Every country (reference or seen in any source; not core.sheet_syncs, which also holds the
-- regional sheet) for every month of the phase up to the last complete month.
WITH countries AS (
  SELECT country_code FROM core.countries
  UNION SELECT country_code FROM mart.usage_monthly
  UNION SELECT country_code FROM mart.national_monthly
  UNION SELECT country_code FROM core.trainers
  UNION SELECT country_code FROM core.training_sessions
  UNION SELECT country_code FROM core.resources
  UNION SELECT country_code FROM core.resource_status_history
  UNION SELECT country_code FROM core.activities
  UNION SELECT country_code FROM core.targets
),
periods AS (
  SELECT unnest(generate_series(date_trunc('month', phase_start), as_of, INTERVAL 1 MONTH))::DATE AS period
  FROM mart.build_info
)
SELECT c.country_code, p.period, (p.period + INTERVAL 1 MONTH)::DATE AS next_period
FROM countries c CROSS JOIN periods p
