-- The reports expected for the month that were received by the deadline (amount) over those
-- expected (base), over all sources and per source. Sheet months before the sheet's first sync,
-- and the history a country's first national delivery back-filled, are not measurable and left out.
WITH c AS (SELECT * FROM mart.completeness WHERE expected AND received IS NOT NULL AND on_time IS NOT NULL)
SELECT
  m.country_code,
  m.period,
  x.disaggregation,
  count(*) FILTER (WHERE c.on_time) AS amount,
  count(c.source) AS base
FROM mart.months m
CROSS JOIN (VALUES (''), ('source=national-csv'), ('source=sheet')) x(disaggregation)
LEFT JOIN c
  ON c.country_code = m.country_code
 AND c.period = m.period
 AND (x.disaggregation = '' OR x.disaggregation = 'source=' || c.source)
GROUP BY ALL
