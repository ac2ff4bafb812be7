-- Indicators below their pro-rata target in the last complete month: at risk is medium, off track
-- high, since the month after the last one on track. A target with no value that month, or a
-- country with no target at all, gets an info note instead of a score.
WITH b AS (SELECT as_of FROM mart.build_info),
targeted AS (
  SELECT i.*, c.target_key
  FROM mart.indicators i
  JOIN mart.indicator_catalogue c USING (indicator_id)
  WHERE c.target_key IS NOT NULL AND i.disaggregation = '' AND i.target IS NOT NULL
),
last_on_track AS (
  SELECT country_code, indicator_id, max(period) AS period
  FROM targeted WHERE target_status = 'on_track' GROUP BY ALL
),
first_target AS (
  SELECT country_code, indicator_id, min(period) AS period FROM targeted GROUP BY ALL
),
flags AS (
  SELECT
    t.country_code,
    CASE WHEN t.value IS NULL THEN 'info' WHEN t.target_status = 'off_track' THEN 'high' ELSE 'medium' END AS severity,
    CASE WHEN t.value IS NULL THEN NULL
      ELSE coalesce((l.period + INTERVAL 1 MONTH)::DATE, f.period) END AS since,
    to_json({
      indicator_id: t.indicator_id,
      period: t.period,
      value: t.value,
      target: round(t.target, 2),
      ratio: round(t.value / nullif(t.target, 0), 3),
      final_target: tr.final_target,
      deadline: tr.deadline,
      no_data: t.value IS NULL
    })::VARCHAR AS evidence
  FROM targeted t
  CROSS JOIN b
  JOIN mart.trajectory tr ON tr.country_code = t.country_code AND tr.target_key = t.target_key AND tr.period = t.period
  LEFT JOIN last_on_track l ON l.country_code = t.country_code AND l.indicator_id = t.indicator_id
  LEFT JOIN first_target f ON f.country_code = t.country_code AND f.indicator_id = t.indicator_id
  WHERE t.period = b.as_of AND (t.value IS NULL OR t.target_status IN ('at_risk', 'off_track'))
),
untargeted AS (
  SELECT DISTINCT m.country_code
  FROM mart.months m
  WHERE m.country_code NOT IN (SELECT country_code FROM core.targets)
)
SELECT country_code, 'behind_trajectory' AS rule_id, severity, since, evidence FROM flags
UNION ALL
SELECT country_code, 'behind_trajectory', 'info', NULL, to_json({no_targets: true})::VARCHAR FROM untargeted
