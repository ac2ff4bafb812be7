-- Phase to date per country and indicator, recomputed from the months up to the as-of date (the
-- mart's own phase table describes the day it was built, not the as-of date): the last month's
-- value for stocks, the sum or mean of the months for flows, and for medians the median over the
-- items themselves (resources published up to the last month), not a median of monthly medians. The target is the pro-rata
-- trajectory at that last month (else that month's own target); the status is approved only when every month is. A value is
-- suppressed when the month it is read from was, or for sums and means when any month was.
CREATE OR REPLACE TEMP TABLE snapshot_by_country AS
WITH phase AS (
  SELECT country_code, indicator_id, disaggregation,
         any_value(position) AS position,
         any_value(unit) AS unit,
         any_value(phase_aggregate) AS phase_aggregate,
         any_value(target_key) AS target_key,
         min(period) AS first_period,
         max(period) AS last_period,
         arg_max(value, period) AS last_value,
         sum(value) AS total,
         avg(value) AS mean,
         arg_max(target, period) AS last_target,
         arg_max(target_status, period) AS target_status,
         arg_max(denominator_year, period) AS denominator_year,
         bool_and(status = 'approved') AS approved,
         arg_max(suppressed, period) AS last_suppressed,
         bool_or(suppressed) AS any_suppressed
  FROM snapshot_months
  GROUP BY country_code, indicator_id, disaggregation
),
lead_times AS (
  SELECT l.country_code, 'publication_lead_time_days' AS indicator_id, '' AS disaggregation,
         median(l.lead_time_days) AS median
  FROM mart.publication_lead_times l
  JOIN (SELECT country_code, max(last_period) AS last_period FROM phase GROUP BY ALL) p USING (country_code)
  WHERE l.published_on <= last_day(p.last_period)
  GROUP BY ALL
),
valued AS (
  SELECT phase.*,
         CASE phase_aggregate WHEN 'sum' THEN total WHEN 'mean' THEN mean WHEN 'median' THEN m.median ELSE last_value END AS phase_value,
         CASE phase_aggregate WHEN 'last' THEN last_suppressed ELSE any_suppressed END AS suppressed
  FROM phase
  LEFT JOIN lead_times m USING (country_code, indicator_id, disaggregation)
)
SELECT v.country_code,
       coalesce(k.name_fr, v.country_code) AS country_fr,
       coalesce(k.name_en, v.country_code) AS country_en,
       v.indicator_id,
       v.position,
       c.label_fr,
       c.label_en,
       v.unit,
       v.disaggregation,
       v.first_period,
       v.last_period,
       CASE WHEN v.suppressed THEN NULL ELSE v.phase_value END AS value,
       coalesce(t.target, v.last_target) AS target,
       t.final_target,
       t.deadline,
       v.target_status,
       v.denominator_year,
       CASE WHEN v.approved THEN 'approved' ELSE 'provisional' END AS status,
       v.suppressed
FROM valued v
JOIN mart.indicator_catalogue c USING (indicator_id)
LEFT JOIN core.countries k USING (country_code)
LEFT JOIN mart.trajectory t
  ON t.country_code = v.country_code AND t.target_key = v.target_key AND t.period = v.last_period
     AND v.disaggregation = ''
ORDER BY v.country_code, v.position, v.indicator_id, v.disaggregation;
