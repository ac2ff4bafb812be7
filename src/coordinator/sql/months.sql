-- The months builds described, oldest first, with the moment the last build of each described it.
SELECT strftime(period, '%Y-%m') AS month, strftime(built_for AT TIME ZONE 'UTC', '%Y-%m-%d') AS built_on
FROM mart.flag_months
ORDER BY period
