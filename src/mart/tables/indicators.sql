-- mart.indicators from the indicator values of this build (temp table indicator_values; rows with
-- no period are phase-to-date values, read by indicators_phase): the pro-rata target on the total
-- row, where the value stands against it, and whether the country approved the month in its sheet.
WITH approved AS (
  SELECT DISTINCT country_code, date_trunc('month', period)::DATE AS period FROM core.month_approvals
)
SELECT
  v.country_code,
  v.period,
  v.indicator_id,
  v.value,
  t.target,
  v.disaggregation,
  CASE WHEN a.country_code IS NOT NULL THEN 'approved' ELSE 'provisional' END AS status,
  CASE
    WHEN t.target IS NULL OR v.value IS NULL THEN NULL
    WHEN v.value >= $on_track * t.target THEN 'on_track'
    WHEN v.value >= $at_risk * t.target THEN 'at_risk'
    ELSE 'off_track'
  END AS target_status,
  v.denominator_year
FROM indicator_values v
JOIN mart.indicator_catalogue c USING (indicator_id)
LEFT JOIN mart.trajectory t
  ON v.disaggregation = ''
 AND t.country_code = v.country_code
 AND t.target_key = c.target_key
 AND t.period = v.period
LEFT JOIN approved a ON a.country_code = v.country_code AND a.period = v.period
WHERE v.period IS NOT NULL
