-- One row per episode of a flag (mart.flag_observations): from the first month a build found it
-- to the last, and the next month built after that, when it was gone (resolved). Months follow
-- mart.flag_months, the months builds described: a month nobody built neither breaks an episode
-- nor resolves it. `since` is the first month of the episode, or, when the history starts with
-- the episode, the date the rule itself gives (the history cannot say what came before).
WITH months AS (
  SELECT period, row_number() OVER (ORDER BY period) AS n FROM mart.flag_months
),
seen AS (
  SELECT o.*, m.n, m.n - row_number() OVER (PARTITION BY o.flag_id ORDER BY o.period) AS island
  FROM mart.flag_observations o JOIN months m USING (period)
),
episodes AS (
  SELECT
    flag_id, island,
    any_value(country_code) AS country_code,
    any_value(rule_id) AS rule_id,
    any_value(subject) AS subject,
    min(period) AS first_month,
    max(period) AS last_month,
    max(n) AS last_n,
    count(*) AS months,
    arg_min(since, period) AS first_since,
    arg_max(severity, period) AS severity,
    arg_max(message_fr, period) AS message_fr,
    arg_max(message_en, period) AS message_en
  FROM seen
  GROUP BY flag_id, island
)
SELECT
  e.flag_id, e.country_code, e.rule_id, e.subject, e.first_month, e.last_month,
  after.period AS resolved_month,
  CASE WHEN e.first_month = (SELECT min(period) FROM mart.flag_months) THEN coalesce(e.first_since, e.first_month)
    ELSE e.first_month END AS since,
  e.months::INTEGER AS months, e.severity, e.message_fr, e.message_en
FROM episodes e
LEFT JOIN months after ON after.n = e.last_n + 1
