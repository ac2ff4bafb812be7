-- A flag holds since the first month of its episode, where the history saw it start: an episode
-- found from the first month ever built keeps the rule's own date (the history cannot say more).
UPDATE mart.bottlenecks AS b SET since = h.since
FROM mart.flag_history h, mart.build_info i
WHERE h.flag_id = b.flag_id AND i.as_of BETWEEN h.first_month AND h.last_month
  AND h.first_month > (SELECT min(period) FROM mart.flag_months)
