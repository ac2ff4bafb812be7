-- The flags of month $month: found that month (new when the condition started that month,
-- ongoing when it held before) or resolved that month (found the month before, gone now), with
-- that month's severity and sentence, or the last ones found for a resolved flag.
SELECT
  h.flag_id, h.country_code, h.rule_id, h.subject,
  CASE WHEN h.resolved_month = $month::DATE THEN 'resolved' WHEN h.since >= $month::DATE THEN 'new' ELSE 'ongoing' END AS change,
  coalesce(o.severity, h.severity) AS severity,
  strftime(h.since, '%Y-%m-%d') AS since,
  strftime(h.first_month, '%Y-%m') AS first_month,
  strftime(h.last_month, '%Y-%m') AS last_month,
  coalesce(o.evidence, l.evidence) AS evidence,
  coalesce(o.message_fr, h.message_fr) AS message_fr,
  coalesce(o.message_en, h.message_en) AS message_en
FROM mart.flag_history h
LEFT JOIN mart.flag_observations o ON o.flag_id = h.flag_id AND o.period = $month::DATE
LEFT JOIN mart.flag_observations l ON l.flag_id = h.flag_id AND l.period = h.last_month
WHERE $month::DATE BETWEEN h.first_month AND h.last_month OR h.resolved_month = $month::DATE
ORDER BY h.country_code,
  CASE WHEN h.resolved_month = $month::DATE THEN 2 WHEN h.since >= $month::DATE THEN 0 ELSE 1 END,
  CASE coalesce(o.severity, h.severity) WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END,
  h.flag_id
