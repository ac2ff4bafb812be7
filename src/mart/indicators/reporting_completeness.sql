-- The reports expected for the month that were received (amount) over those expected (base), over all sources and per source.
-- Sheet months before the sheet's first sync are not measurable and left out.
WITH c AS (SELECT * FROM mart.completeness WHERE expected AND received IS NOT NULL)
SELECT
  m.country_code,
  m.period,
  x.disaggregation,
  count(*) FILTER (WHERE c.received) AS amount,
  count(c.source) AS base
FROM mart.months m
CROSS JOIN (VALUES (''), ('source=national-csv'), ('source=sheet')) x(disaggregation)
LEFT JOIN c
  ON c.country_code = m.country_code
 AND c.period = m.period
 AND (x.disaggregation = '' OR x.disaggregation = 'source=' || c.source)
GROUP BY ALL
