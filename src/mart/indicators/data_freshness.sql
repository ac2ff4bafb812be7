-- Days from the month's last day back to the newest data received by then, per source; the total
-- is the stalest source that has ever reported. No source at all: no value.
WITH ends AS (SELECT country_code, period, (next_period - INTERVAL 1 DAY)::DATE AS last_day FROM mart.months),
latest AS (
  SELECT
    e.country_code,
    e.period,
    e.last_day,
    (SELECT max(least(n.last_day_covered, e.last_day)) FROM mart.national_monthly n WHERE n.country_code = e.country_code AND n.period <= e.period) AS national,
    (SELECT max(updated_at)::DATE FROM mart.sheet_updates s WHERE s.country_code = e.country_code AND s.updated_at::DATE <= e.last_day) AS sheet,
    (SELECT max(last_event_at)::DATE FROM mart.usage_monthly u WHERE u.country_code = e.country_code AND u.period <= e.period) AS regional
  FROM ends e
),
ages AS (
  SELECT
    country_code,
    period,
    datediff('day', national, last_day) AS national,
    datediff('day', sheet, last_day) AS sheet,
    datediff('day', regional, last_day) AS regional
  FROM latest
)
SELECT
  country_code,
  period,
  x.disaggregation,
  CASE x.disaggregation
    WHEN 'source=national-csv' THEN national
    WHEN 'source=sheet' THEN sheet
    WHEN 'source=regional-platform' THEN regional
    ELSE greatest(national, sheet, regional)
  END AS amount
FROM ages
CROSS JOIN (VALUES (''), ('source=national-csv'), ('source=sheet'), ('source=regional-platform')) x(disaggregation)
