-- Each resource in validation today (last month only), with the days since its status date: the
-- median is taken over them, per country or all countries together. A country with none: one row
-- with no item, so no value.
SELECT
  m.country_code,
  m.period,
  '' AS disaggregation,
  datediff('day', r.status_date, (b.built_for AT TIME ZONE 'UTC')::DATE) AS amount,
  r.country_code || '/' || r.resource_id AS item
FROM mart.months m
JOIN mart.build_info b ON m.period = b.as_of
LEFT JOIN core.resources r
  ON r.country_code = m.country_code AND r.status = 'in_validation' AND r.status_date IS NOT NULL
