-- Activities past their due date and still planned, in progress or postponed, as a share of the
-- activities due (cancelled ones left out): flagged from $overdue_min_count overdue and a share of
-- $overdue_share_medium, high from $overdue_share_high. No Activités row at all: info note.
WITH b AS (SELECT (built_for AT TIME ZONE 'UTC')::DATE AS today FROM mart.build_info),
countries AS (SELECT DISTINCT country_code FROM mart.months),
reported AS (SELECT DISTINCT country_code FROM core.activities),
due AS (
  SELECT
    a.country_code,
    a.activity_id,
    a.due_date,
    datediff('day', a.due_date, b.today) AS days_late,
    a.status IN ('planned', 'in_progress', 'postponed') AS late
  FROM core.activities a, b
  WHERE a.due_date < b.today AND a.status IS DISTINCT FROM 'cancelled'
),
per_country AS (
  SELECT
    country_code,
    count(*) AS due,
    count(*) FILTER (WHERE late) AS overdue,
    max(days_late) FILTER (WHERE late) AS oldest_days,
    min(due_date) FILTER (WHERE late) AS since,
    (list(activity_id ORDER BY due_date, activity_id) FILTER (WHERE late))[1:10] AS activities
  FROM due GROUP BY ALL
)
SELECT
  c.country_code,
  'overdue_activities' AS rule_id,
  CASE
    WHEN r.country_code IS NULL THEN 'info'
    WHEN p.overdue >= $overdue_share_high * p.due THEN 'high'
    ELSE 'medium'
  END AS severity,
  p.since,
  CASE WHEN r.country_code IS NULL THEN to_json({no_data: true})::VARCHAR
    ELSE to_json({
      overdue: p.overdue,
      due: p.due,
      share: round(p.overdue / p.due, 3),
      oldest_days: p.oldest_days,
      activities: p.activities,
      no_data: false
    })::VARCHAR END AS evidence
FROM countries c
LEFT JOIN reported r USING (country_code)
LEFT JOIN per_country p USING (country_code)
WHERE r.country_code IS NULL OR (p.overdue >= $overdue_min_count AND p.overdue >= $overdue_share_medium * p.due)
