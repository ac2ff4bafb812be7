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
-- The sheet reports a month when it is edited between the month's first day and its deadline.
-- Before the first evidence of a country's sheet, nothing can be measured (received is NULL).
sheet_since AS (
  SELECT country_code, date_trunc('month', min(updated_at))::DATE AS first_period
  FROM mart.sheet_updates GROUP BY ALL
),
sheet_window AS (
  SELECT g.country_code, g.period, g.deadline, min(u.updated_at) AS received_at
  FROM grid g
  LEFT JOIN mart.sheet_updates u
    ON u.country_code = g.country_code AND u.updated_at >= g.period AND u.updated_at < g.deadline + INTERVAL 1 DAY
  GROUP BY ALL
),
sheet AS (
  SELECT
    w.country_code, w.period, 'sheet' AS source,
    CASE WHEN w.period < s.first_period THEN NULL ELSE w.received_at IS NOT NULL END AS received,
    w.received_at,
    CASE WHEN w.period < s.first_period THEN NULL ELSE w.received_at IS NOT NULL END AS on_time,
    w.deadline,
    NULL::BIGINT AS days_reported
  FROM sheet_window w
  LEFT JOIN sheet_since s USING (country_code)
)
SELECT r.*, coalesce(r.received, false) OR b.now::DATE > r.deadline AS expected
FROM (SELECT * FROM national UNION ALL SELECT * FROM sheet) r, b
