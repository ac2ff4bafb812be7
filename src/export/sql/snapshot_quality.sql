-- Data quality per country and source over the months the snapshot covers, read from the same
-- reports as the reporting_completeness and reporting_timeliness indicators, so the two agree: a
-- report expected (due, or arrived) and measurable (a sheet only from its first sync) counts;
-- completeness is its share received; timeliness its share received on time, leaving out the
-- history a first delivery back-filled (never late); both rounded as the indicators are. Rows rejected: by the loads the figures use (snapshot_provenance).
CREATE OR REPLACE TEMP TABLE snapshot_quality AS
WITH reports AS (
  SELECT country_code, source,
         count(*) FILTER (WHERE expected) AS months_expected,
         count(*) FILTER (WHERE expected AND received IS NULL) AS months_not_measurable,
         count(*) FILTER (WHERE expected AND received IS NOT NULL) AS months_measurable,
         count(*) FILTER (WHERE expected AND received) AS months_received,
         count(*) FILTER (WHERE expected AND received AND on_time IS NULL) AS months_backfilled,
         count(*) FILTER (WHERE expected AND received IS NOT NULL AND on_time IS NOT NULL) AS months_timed,
         count(*) FILTER (WHERE expected AND received IS NOT NULL AND on_time) AS months_on_time,
         string_agg(strftime(period, '%Y-%m'), ', ' ORDER BY period)
           FILTER (WHERE expected AND received IS NOT DISTINCT FROM false) AS missing_months
  FROM mart.completeness
  WHERE period <= $last_month::DATE
  GROUP BY country_code, source
),
rejected AS (
  SELECT coalesce(l.country_code, '') AS country_code, l.source, count(r.load_id) AS rows_rejected
  FROM ops.loads l
  JOIN ops.rejects r USING (load_id)
  WHERE l.load_id IN (SELECT load_id FROM snapshot_provenance)
  GROUP BY ALL
)
SELECT country_code,
       coalesce(k.name_fr, country_code) AS country_fr,
       coalesce(k.name_en, country_code) AS country_en,
       source,
       coalesce(months_expected, 0) AS months_expected,
       coalesce(months_not_measurable, 0) AS months_not_measurable,
       coalesce(months_received, 0) AS months_received,
       coalesce(months_backfilled, 0) AS months_backfilled,
       coalesce(months_on_time, 0) AS months_on_time,
       round(100 * months_received::DOUBLE / nullif(months_measurable, 0), 1) AS completeness,
       round(100 * months_on_time::DOUBLE / nullif(months_timed, 0), 1) AS timeliness,
       coalesce(missing_months, '') AS missing_months,
       coalesce(rows_rejected, 0) AS rows_rejected
FROM reports
FULL OUTER JOIN rejected USING (country_code, source)
LEFT JOIN core.countries k USING (country_code);
