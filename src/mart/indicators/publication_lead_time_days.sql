-- Each resource published in the month since the phase start, with its lead time
-- (mart.publication_lead_times): the median is taken over the items of the whole period, never over
-- monthly medians. A month with none: one row with no item, so no value (not zero).
WITH b AS (SELECT phase_start FROM mart.build_info)
SELECT
  m.country_code,
  m.period,
  '' AS disaggregation,
  l.lead_time_days AS amount,
  l.country_code || '/' || l.resource_id AS item
FROM mart.months m
CROSS JOIN b
LEFT JOIN mart.publication_lead_times l
  ON l.country_code = m.country_code
 AND l.published_on >= m.period AND l.published_on < m.next_period
 AND l.published_on >= b.phase_start
