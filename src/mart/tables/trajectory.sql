-- Pro-rata target per month: a straight line from 0 the month before the phase starts to each
-- Cibles milestone, then from one milestone to the next, held at the last one after its deadline.
-- Months are counted whole: with a phase starting in January and a December deadline, March is 3/12.
-- Each value is rounded to the precision of the indicator compared with it (whole people).
WITH b AS (SELECT date_trunc('month', phase_start)::DATE AS start FROM mart.build_info),
milestones AS (
  SELECT
    t.country_code,
    t.indicator_id AS target_key,
    t.target,
    t.deadline,
    date_trunc('month', t.deadline)::DATE AS due
  FROM core.targets t, b
  WHERE t.deadline >= b.start
),
steps AS (
  SELECT
    m.*,
    coalesce(lag(target) OVER w, 0) AS previous_target,
    coalesce(lag(due) OVER w, (b.start - INTERVAL 1 MONTH)::DATE) AS previous_due,
    lead(due) OVER w IS NULL AS is_last
  FROM milestones m, b
  WINDOW w AS (PARTITION BY country_code, target_key ORDER BY deadline)
)
SELECT
  mo.country_code,
  s.target_key,
  mo.period,
  round(CASE
    WHEN mo.period >= s.due THEN s.target
    ELSE s.previous_target
      + (s.target - s.previous_target) * datediff('month', s.previous_due, mo.period) / datediff('month', s.previous_due, s.due)
  END, coalesce(c.precision, 0)) AS target,
  s.target AS final_target,
  s.deadline
FROM mart.months mo
JOIN steps s
  ON s.country_code = mo.country_code
 AND ((mo.period > s.previous_due AND mo.period <= s.due) OR (s.is_last AND mo.period > s.due))
LEFT JOIN (SELECT target_key, min(precision) AS precision FROM mart.indicator_catalogue GROUP BY ALL) c USING (target_key)
