-- The Cibles milestones as given, per country, target indicator and year of the phase: the last
-- milestone due in the year, the last one due by the phase end, and the baseline given beside
-- them (on the earliest milestone that gives one).
WITH b AS (SELECT phase_start, phase_end FROM mart.build_info),
given AS (
  SELECT t.country_code, t.indicator_id AS target_key, t.target, t.deadline, t.baseline, t.baseline_year
  FROM core.targets t, b
  WHERE t.deadline >= b.phase_start
),
keys AS (
  SELECT country_code, target_key,
         arg_max(target, deadline) FILTER (WHERE deadline <= b.phase_end) AS phase_target,
         max(deadline) FILTER (WHERE deadline <= b.phase_end) AS phase_deadline,
         arg_min(baseline, deadline) FILTER (WHERE baseline IS NOT NULL) AS baseline,
         arg_min(baseline_year, deadline) FILTER (WHERE baseline IS NOT NULL) AS baseline_year
  FROM given, b
  GROUP BY country_code, target_key
),
years AS (
  SELECT unnest(generate_series(year(phase_start), year(phase_end)))::INTEGER AS year FROM b
)
SELECT k.country_code, k.target_key, y.year,
       arg_max(g.target, g.deadline) AS year_target,
       max(g.deadline) AS year_deadline,
       k.phase_target, k.phase_deadline, k.baseline, k.baseline_year
FROM keys k
CROSS JOIN years y
LEFT JOIN given g ON g.country_code = k.country_code AND g.target_key = k.target_key AND year(g.deadline) = y.year
GROUP BY ALL
