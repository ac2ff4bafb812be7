-- The month the mart describes.
SELECT strftime(as_of, '%Y-%m-%d') AS as_of,
       strftime(timezone('UTC', built_for), '%Y-%m-%dT%H:%M:%SZ') AS built_for
FROM mart.build_info
LIMIT 1;
