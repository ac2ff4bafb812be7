-- Whether this month's digest already reached the country, and when.
SELECT strftime(sent_at, '%Y-%m-%d %H:%M') AS sent_at
FROM ops.notifications
WHERE kind = $kind AND period = $period::DATE AND country_code = $country_code AND status = 'sent'
