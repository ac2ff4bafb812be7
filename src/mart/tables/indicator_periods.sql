-- Every indicator per country and for all countries together (ALL), per period (mart.periods), from
-- its monthly facts (temp table indicator_values) by its kind in the catalogue:
--   stock    the value of the period's last month; all countries: the sum (the largest with
--            regional = 'max'); a percentage from its parts added up;
--   flow     the sum of the months, and of the countries;
--   rate     numerator and denominator summed over the months and countries, then divided;
--   distinct the items (people) counted once over the whole period and over every country;
--   median   the median over every item of the period (and of every country).
-- A percentage is 100 × numerator / denominator; every figure is rounded to the indicator's
-- precision from sums of whole numbers, so it does not depend on the order rows are read in.
-- running_total is the figure of the phase row that ends with the period; the target is the
-- trajectory at the period end where it compares: with the running total of a cumulative
-- indicator, a stock's value, or a month's value.
WITH c AS (
  SELECT indicator_id, kind, unit, precision, cumulative, regional, target_key FROM mart.indicator_catalogue
),
facts AS (
  SELECT indicator_id, country_code AS scope, period AS month, disaggregation, amount, base, item, denominator_year
  FROM indicator_values
  UNION ALL
  -- A region's breakdown belongs to its country: it is not repeated for all countries.
  SELECT indicator_id, 'ALL', period, disaggregation, amount, base, item, denominator_year
  FROM indicator_values
  WHERE NOT starts_with(disaggregation, 'region=')
),
-- Stocks, flows and rates: one row per scope, month and breakdown. A percentage keeps the rows that
-- have both parts.
monthly AS (
  SELECT
    f.indicator_id, f.scope, f.month, f.disaggregation,
    CASE
      WHEN c.unit = 'percent' THEN sum(f.amount) FILTER (WHERE f.base IS NOT NULL)
      WHEN c.regional = 'max' THEN max(f.amount)
      ELSE sum(f.amount)
    END AS amount,
    sum(f.base) FILTER (WHERE c.unit = 'percent' AND f.amount IS NOT NULL) AS base,
    min(f.denominator_year) FILTER (WHERE f.amount IS NOT NULL) AS denominator_year
  FROM facts f
  JOIN c USING (indicator_id)
  WHERE c.kind IN ('stock', 'flow', 'rate')
  GROUP BY f.indicator_id, f.scope, f.month, f.disaggregation, c.unit, c.regional
),
summed AS (
  SELECT
    m.indicator_id, m.scope, m.disaggregation, p.period_type, p.period, p.period_end, p.last_month,
    CASE WHEN c.kind = 'stock' THEN max(m.amount) FILTER (WHERE m.month = p.last_month) ELSE sum(m.amount) END AS amount,
    CASE WHEN c.kind = 'stock' THEN max(m.base) FILTER (WHERE m.month = p.last_month) ELSE sum(m.base) END AS base,
    max(m.denominator_year) FILTER (WHERE m.month = p.last_month) AS denominator_year
  FROM monthly m
  JOIN c USING (indicator_id)
  JOIN mart.periods p ON m.month BETWEEN p.first_month AND p.last_month
  GROUP BY m.indicator_id, m.scope, m.disaggregation, p.period_type, p.period, p.period_end, p.last_month, c.kind
),
items AS (
  SELECT f.*, c.kind FROM facts f JOIN c USING (indicator_id) WHERE c.kind IN ('distinct', 'median')
),
-- Every period an item indicator has a row for, even with no item in it (no value then).
item_grid AS (
  SELECT DISTINCT i.indicator_id, i.scope, i.disaggregation, p.period_type, p.period, p.period_end, p.last_month
  FROM (SELECT DISTINCT indicator_id, scope, disaggregation, month FROM items) i
  JOIN mart.periods p ON i.month BETWEEN p.first_month AND p.last_month
),
-- Calendar periods from the items themselves, each item under its month, quarter and year (an
-- equality join: a range join over every item is many times slower); medians over the phase to
-- each month's end too (resources: few items). Not materialized: each of its two readers takes
-- only its own kind of items, and writing out three rows per item first cost a third of the query.
keyed AS NOT MATERIALIZED (
  SELECT indicator_id, scope, disaggregation, kind, item, amount, 'month' AS period_type, strftime(month, '%Y-%m') AS period
  FROM items WHERE item IS NOT NULL
  UNION ALL
  SELECT indicator_id, scope, disaggregation, kind, item, amount, 'quarter', year(month) || '-Q' || quarter(month)
  FROM items WHERE item IS NOT NULL
  UNION ALL
  SELECT indicator_id, scope, disaggregation, kind, item, amount, 'year', year(month)::VARCHAR
  FROM items WHERE item IS NOT NULL
),
item_values AS (
  SELECT k.indicator_id, k.scope, k.disaggregation, p.period_type, p.period, p.period_end, count(DISTINCT k.item) AS amount
  FROM keyed k JOIN mart.periods p USING (period_type, period)
  WHERE k.kind = 'distinct'
  GROUP BY k.indicator_id, k.scope, k.disaggregation, p.period_type, p.period, p.period_end
  UNION ALL
  SELECT k.indicator_id, k.scope, k.disaggregation, p.period_type, p.period, p.period_end, median(k.amount)
  FROM keyed k JOIN mart.periods p USING (period_type, period)
  WHERE k.kind = 'median'
  GROUP BY k.indicator_id, k.scope, k.disaggregation, p.period_type, p.period, p.period_end
  UNION ALL
  SELECT i.indicator_id, i.scope, i.disaggregation, p.period_type, p.period, p.period_end, median(i.amount)
  FROM items i JOIN mart.periods p ON p.period_type = 'phase' AND i.month <= p.last_month
  WHERE i.kind = 'median' AND i.item IS NOT NULL
  GROUP BY i.indicator_id, i.scope, i.disaggregation, p.period_type, p.period, p.period_end
),
-- People over the phase to each month's end: everyone first seen by then, counted from the month
-- each was first seen (one row per person rather than one per person and month).
first_seen AS (
  SELECT indicator_id, scope, disaggregation, item, min(month) AS month
  FROM items
  WHERE kind = 'distinct' AND item IS NOT NULL
  GROUP BY ALL
),
newcomers AS (
  SELECT indicator_id, scope, disaggregation, month, count(*) AS n FROM first_seen GROUP BY ALL
),
phase_people AS (
  SELECT n.indicator_id, n.scope, n.disaggregation, p.period_type, p.period, p.period_end, sum(n.n) AS amount
  FROM newcomers n
  JOIN mart.periods p ON p.period_type = 'phase' AND n.month <= p.last_month
  GROUP BY ALL
),
item_figures AS (
  SELECT
    g.indicator_id, g.scope, g.disaggregation, g.period_type, g.period, g.period_end, g.last_month,
    coalesce(v.amount, pp.amount)::DOUBLE AS amount,
    NULL::DOUBLE AS base,
    NULL::INTEGER AS denominator_year
  FROM item_grid g
  LEFT JOIN item_values v USING (indicator_id, scope, disaggregation, period_type, period, period_end)
  LEFT JOIN phase_people pp USING (indicator_id, scope, disaggregation, period_type, period, period_end)
),
figures AS (
  SELECT
    f.*, c.unit, c.kind, c.cumulative, c.target_key,
    round(CASE WHEN c.unit = 'percent' THEN 100 * f.amount / nullif(f.base, 0) ELSE f.amount END, c.precision) AS value
  FROM (SELECT * FROM summed UNION ALL BY NAME SELECT * FROM item_figures) f
  JOIN c USING (indicator_id)
),
-- Whether each country approved each month in its sheet; all countries only when all did.
approvals AS (
  SELECT m.country_code, m.period AS month, a.country_code IS NOT NULL AS approved
  FROM mart.months m
  LEFT JOIN (SELECT DISTINCT country_code, date_trunc('month', period)::DATE AS month FROM core.month_approvals) a
    ON a.country_code = m.country_code AND a.month = m.period
),
approval AS (
  SELECT
    a.scope, p.period_type, p.period, p.period_end,
    bool_and(a.approved) AS all_approved,
    bool_and(a.approved) FILTER (WHERE a.month = p.last_month) AS last_approved
  FROM (
    SELECT country_code AS scope, month, approved FROM approvals
    UNION ALL SELECT 'ALL', month, approved FROM approvals
  ) a
  JOIN mart.periods p ON a.month BETWEEN p.first_month AND p.last_month
  GROUP BY ALL
),
-- Targets of all countries together: the sum of the countries' (whole people), only where every
-- country has one (a total of some countries' targets would not be the programme's).
countries AS (SELECT count(DISTINCT country_code) AS n FROM mart.months),
trajectory AS (
  SELECT country_code AS scope, target_key, period AS month, target FROM mart.trajectory
  UNION ALL
  SELECT 'ALL', target_key, period, sum(target)
  FROM mart.trajectory
  GROUP BY target_key, period
  HAVING count(DISTINCT country_code) = (SELECT n FROM countries)
),
milestones AS (
  SELECT country_code AS scope, target_key, year, year_target, phase_target, phase_deadline, baseline, baseline_year
  FROM mart.milestones
  UNION ALL
  SELECT
    'ALL', target_key, year,
    CASE WHEN count(*) = count(year_target) THEN sum(year_target) END,
    CASE WHEN count(*) = count(phase_target) THEN sum(phase_target) END,
    max(phase_deadline),
    CASE WHEN count(*) = count(baseline) AND count(DISTINCT baseline_year) = 1 THEN sum(baseline) END,
    CASE WHEN count(*) = count(baseline) AND count(DISTINCT baseline_year) = 1 THEN max(baseline_year) END
  FROM mart.milestones
  GROUP BY target_key, year
  HAVING count(DISTINCT country_code) = (SELECT n FROM countries)
),
compared AS (
  SELECT
    f.*,
    r.value AS running_total,
    CASE WHEN f.cumulative THEN r.value WHEN f.kind = 'stock' OR f.period_type = 'month' THEN f.value END AS against,
    CASE WHEN f.cumulative OR f.kind = 'stock' OR f.period_type = 'month' THEN t.target END AS target,
    ms.year_target, ms.phase_target, ms.phase_deadline, ms.baseline, ms.baseline_year,
    CASE WHEN f.kind = 'stock' THEN ap.last_approved ELSE ap.all_approved END AS approved
  FROM figures f
  LEFT JOIN figures r
    ON r.indicator_id = f.indicator_id AND r.scope = f.scope AND r.disaggregation = f.disaggregation
   AND r.period_type = 'phase' AND r.period_end = f.period_end
  LEFT JOIN approval ap
    ON ap.scope = f.scope AND ap.period_type = f.period_type AND ap.period = f.period AND ap.period_end = f.period_end
  LEFT JOIN trajectory t
    ON f.disaggregation = '' AND t.scope = f.scope AND t.target_key = f.target_key AND t.month = f.last_month
   AND (f.scope <> 'ALL' OR f.unit IN ('count', 'users'))
  LEFT JOIN milestones ms
    ON f.disaggregation = '' AND ms.scope = f.scope AND ms.target_key = f.target_key AND ms.year = year(f.period_end)
   AND (f.scope <> 'ALL' OR f.unit IN ('count', 'users'))
)
SELECT
  x.scope AS country_code,
  x.period_type,
  x.period,
  p.period_start,
  x.period_end,
  x.indicator_id,
  x.disaggregation,
  x.value,
  x.running_total,
  CASE WHEN x.unit = 'percent' THEN x.amount END AS numerator,
  CASE WHEN x.unit = 'percent' THEN x.base END AS denominator,
  x.target,
  CASE
    WHEN x.target IS NULL OR x.against IS NULL THEN NULL
    WHEN x.against >= $on_track * x.target THEN 'on_track'
    WHEN x.against >= $at_risk * x.target THEN 'at_risk'
    ELSE 'off_track'
  END AS target_status,
  x.year_target,
  x.phase_target,
  x.phase_deadline,
  x.baseline,
  x.baseline_year,
  x.denominator_year,
  CASE WHEN x.approved THEN 'approved' ELSE 'provisional' END AS status
FROM compared x
JOIN mart.periods p USING (period_type, period, period_end)
