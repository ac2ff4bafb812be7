-- Every period figures are given for, from the phase start to the last complete month (as_of):
-- each month; each quarter and year once its last month within the phase is complete, counting
-- only its months within the phase; and the phase to the end of each month (what a running total
-- covers).
WITH b AS (
  SELECT date_trunc('month', phase_start)::DATE AS first, date_trunc('month', phase_end)::DATE AS last, phase_start, as_of
  FROM mart.build_info
),
months AS (
  SELECT unnest(generate_series(b.first, b.as_of, INTERVAL 1 MONTH))::DATE AS month FROM b
),
calendar AS (
  SELECT 'month' AS period_type, strftime(month, '%Y-%m') AS period, month AS first_month, month AS last_month
  FROM months
  UNION ALL
  SELECT 'quarter', year(month) || '-Q' || quarter(month), min(month), any_value(least((date_trunc('quarter', month) + INTERVAL 2 MONTH)::DATE, b.last))
  FROM months, b GROUP BY year(month), quarter(month)
  UNION ALL
  SELECT 'year', year(month)::VARCHAR, min(month), any_value(least(make_date(year(month), 12, 1), b.last))
  FROM months, b GROUP BY year(month)
)
SELECT c.period_type, c.period, c.first_month AS period_start, last_day(c.last_month) AS period_end,
       c.first_month, c.last_month, (datediff('month', c.first_month, c.last_month) + 1)::INTEGER AS months
FROM calendar c, b
WHERE c.last_month <= b.as_of
UNION ALL
SELECT 'phase', 'phase', b.phase_start, last_day(m.month), b.first, m.month, (datediff('month', b.first, m.month) + 1)::INTEGER
FROM months m, b
