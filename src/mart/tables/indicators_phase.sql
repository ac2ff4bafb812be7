-- Phase-to-date value of each indicator as of the last complete month: the last month's value
-- (stocks, levels), the sum (flows that add up) or the mean of the months, per the catalogue;
-- for a median, the value the indicator's SQL gave with no period (the median over the phase).
WITH b AS (SELECT as_of FROM mart.build_info),
pooled AS (
  SELECT country_code, indicator_id, disaggregation, value AS pooled_value
  FROM indicator_values
  WHERE period IS NULL
),
per AS (
  SELECT
    i.country_code,
    i.indicator_id,
    i.disaggregation,
    c.phase_aggregate,
    max(i.value) FILTER (WHERE i.period = b.as_of) AS last_value,
    sum(i.value) AS sum_value,
    avg(i.value) AS mean_value,
    max(i.denominator_year) FILTER (WHERE i.period = b.as_of) AS denominator_year,
    bool_and(i.status = 'approved') AS all_approved,
    bool_and(i.status = 'approved') FILTER (WHERE i.period = b.as_of) AS last_approved
  FROM mart.indicators i
  JOIN mart.indicator_catalogue c USING (indicator_id)
  CROSS JOIN b
  GROUP BY ALL
),
valued AS (
  SELECT
    per.*,
    CASE phase_aggregate
      WHEN 'last' THEN last_value WHEN 'sum' THEN sum_value WHEN 'median' THEN pooled_value ELSE mean_value
    END AS value
  FROM per
  LEFT JOIN pooled USING (country_code, indicator_id, disaggregation)
)
SELECT
  v.country_code,
  v.indicator_id,
  v.disaggregation,
  b.as_of,
  v.value,
  t.target,
  t.final_target,
  t.deadline,
  CASE
    WHEN t.target IS NULL OR v.value IS NULL THEN NULL
    WHEN v.value >= $on_track * t.target THEN 'on_track'
    WHEN v.value >= $at_risk * t.target THEN 'at_risk'
    ELSE 'off_track'
  END AS target_status,
  v.denominator_year,
  CASE
    WHEN (CASE v.phase_aggregate WHEN 'last' THEN v.last_approved ELSE v.all_approved END) THEN 'approved'
    ELSE 'provisional'
  END AS status
FROM valued v
CROSS JOIN b
JOIN mart.indicator_catalogue c USING (indicator_id)
LEFT JOIN mart.trajectory t
  ON v.disaggregation = ''
 AND t.country_code = v.country_code
 AND t.target_key = c.target_key
 AND t.period = b.as_of
