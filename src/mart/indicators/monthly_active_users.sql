-- Each account active on the regional platform in the month (mart.active_accounts): people are
-- counted once over any period and across countries. A month with no statement: one row with no
-- item, so no value (not zero).
SELECT m.country_code, m.period, '' AS disaggregation, a.actor_key AS item
FROM mart.months m
LEFT JOIN mart.active_accounts a USING (country_code, period)
