-- Median publication lead time (mart.publication_lead_times) over the resources published in the
-- month, since the phase start. Also the phase-to-date value, as the row with no period: the
-- median over every resource published in the phase up to the last complete month (a median of
-- the months' medians would not be it). No published resource with an earlier recorded status:
-- no value, not zero.
WITH b AS (SELECT phase_start, as_of FROM mart.build_info),
t AS (
  SELECT l.country_code, l.published_on, l.lead_time_days
  FROM mart.publication_lead_times l, b
  WHERE l.published_on >= b.phase_start
)
SELECT
  m.country_code,
  m.period,
  '' AS disaggregation,
  median(t.lead_time_days) AS value,
  NULL::INTEGER AS denominator_year
FROM mart.months m
LEFT JOIN t ON t.country_code = m.country_code AND t.published_on >= m.period AND t.published_on < m.next_period
GROUP BY m.country_code, m.period
UNION ALL
SELECT
  c.country_code,
  NULL::DATE AS period,
  '' AS disaggregation,
  median(t.lead_time_days) AS value,
  NULL::INTEGER AS denominator_year
FROM (SELECT DISTINCT country_code FROM mart.months) c
CROSS JOIN b
LEFT JOIN t ON t.country_code = c.country_code AND t.published_on < b.as_of + INTERVAL 1 MONTH
GROUP BY c.country_code
