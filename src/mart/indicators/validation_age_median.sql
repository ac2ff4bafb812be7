-- Median days since the status date of the resources in validation today (last month only);
-- no value when none is in validation.
SELECT
  m.country_code,
  m.period,
  '' AS disaggregation,
  median(datediff('day', r.status_date, (b.built_for AT TIME ZONE 'UTC')::DATE)) AS value,
  NULL::INTEGER AS denominator_year
FROM mart.months m
JOIN mart.build_info b ON m.period = b.as_of
LEFT JOIN core.resources r
  ON r.country_code = m.country_code AND r.status = 'in_validation' AND r.status_date IS NOT NULL
GROUP BY ALL
