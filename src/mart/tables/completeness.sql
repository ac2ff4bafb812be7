-- Reports expected and received per country, source and month. A month's report is due by day
-- $deadline_day of the following month; one not yet due and not received is not expected yet.
WITH b AS (SELECT built_for AT TIME ZONE 'UTC' AS now, phase_start FROM mart.build_info),
grid AS (
  SELECT m.country_code, m.period, (m.next_period + ($deadline_day - 1) * INTERVAL 1 DAY)::DATE AS deadline
  FROM mart.months m
),
-- National exports are expected from a country's first delivered month, or from the phase start
-- for the countries the configuration requires. The history a country's first delivery brings (its
-- months that reached the warehouse on that first day, after their deadline) is a back-fill: on
-- time is not measurable for it (NULL), never late.
national_from AS (
  SELECT country_code, min(period) AS first_period, min(first_received_at)::DATE AS first_day
  FROM mart.national_monthly GROUP BY ALL
),
national AS (
  SELECT
    g.country_code, g.period, 'national-csv' AS source,
    n.days_reported IS NOT NULL AS received,
    n.first_received_at AS received_at,
    CASE
      WHEN n.first_received_at::DATE = f.first_day AND n.first_received_at::DATE > g.deadline THEN NULL
      ELSE n.first_received_at IS NOT NULL AND n.first_received_at::DATE <= g.deadline
    END AS on_time,
    g.deadline,
    n.days_reported
  FROM grid g
  LEFT JOIN national_from f USING (country_code)
  LEFT JOIN mart.national_monthly n USING (country_code, period)
  WHERE g.period >= f.first_period
     OR list_contains(string_split($national_required, ','), g.country_code)
),
-- The sheet reports a month with the rows dated in it (core.sheet_months), and that report
-- reached the warehouse when the first of those rows did. The months a country's first load
-- brought after their deadline are its back-filled history: received, never late (on_time
-- NULL). Before the first month a country's sheet reports on, nothing is measurable (NULL); a
-- country whose sheet never reported anything has received nothing.
sheet_first AS (
  SELECT country_code, min(period) AS first_period, min(first_seen_at AT TIME ZONE 'UTC')::DATE AS first_day
  FROM core.sheet_months GROUP BY ALL
),
sheet_received AS (
  SELECT country_code, period, min(first_seen_at AT TIME ZONE 'UTC') AS received_at
  FROM core.sheet_months GROUP BY ALL
),
sheet AS (
  SELECT
    g.country_code, g.period, 'sheet' AS source,
    CASE WHEN g.period < f.first_period THEN NULL ELSE m.received_at IS NOT NULL END AS received,
    m.received_at,
    CASE
      WHEN g.period < f.first_period THEN NULL
      WHEN m.received_at IS NULL THEN false
      WHEN m.received_at::DATE = f.first_day AND m.received_at::DATE > g.deadline THEN NULL
      ELSE m.received_at::DATE <= g.deadline
    END AS on_time,
    g.deadline,
    NULL::BIGINT AS days_reported
  FROM grid g
  LEFT JOIN sheet_first f USING (country_code)
  LEFT JOIN sheet_received m USING (country_code, period)
)
SELECT r.*, coalesce(r.received, false) OR b.now::DATE > r.deadline AS expected
FROM (SELECT * FROM national UNION ALL SELECT * FROM sheet) r, b
