-- Each country's indicators compared with a target, for month $month: the value at the end of
-- the month, the pro-rata target by then, where it stands, and the next milestone.
SELECT
  i.country_code, i.indicator_id, c.label_fr, c.label_en, c.unit,
  i.value, i.target, i.target_status, t.final_target,
  strftime(t.deadline, '%Y-%m-%d') AS deadline,
  i.status
FROM mart.indicators i
JOIN mart.indicator_catalogue c USING (indicator_id)
LEFT JOIN mart.trajectory t ON t.country_code = i.country_code AND t.target_key = c.target_key AND t.period = i.period
WHERE i.period = $month::DATE AND i.disaggregation = '' AND c.target_key IS NOT NULL
ORDER BY i.country_code, c.position
