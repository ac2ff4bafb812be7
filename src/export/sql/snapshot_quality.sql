-- Data quality per country and source up to the as-of date: reports expected against received
-- and on time (the missing months are the known gaps), and the rows rejected by loads started
-- on or before the as-of date.
CREATE OR REPLACE TEMP TABLE snapshot_quality AS
WITH reports AS (
  SELECT country_code, source,
         count(*) FILTER (WHERE expected) AS months_expected,
         count(*) FILTER (WHERE expected AND received) AS months_received,
         count(*) FILTER (WHERE expected AND on_time) AS months_on_time,
         string_agg(strftime(period, '%Y-%m'), ', ' ORDER BY period)
           FILTER (WHERE expected AND received IS NOT DISTINCT FROM false) AS missing_months
  FROM mart.completeness
  WHERE period + INTERVAL 1 MONTH <= $as_of::DATE + 1
  GROUP BY country_code, source
),
rejected AS (
  SELECT coalesce(l.country_code, '') AS country_code, l.source,
         count(r.load_id) AS rows_rejected
  FROM ops.loads l
  JOIN ops.rejects r USING (load_id)
  WHERE l.started_at < ($as_of::DATE + 1)::TIMESTAMPTZ
  GROUP BY ALL
)
SELECT country_code,
       coalesce(k.name_fr, country_code) AS country_fr,
       coalesce(k.name_en, country_code) AS country_en,
       source,
       coalesce(months_expected, 0) AS months_expected,
       coalesce(months_received, 0) AS months_received,
       coalesce(months_on_time, 0) AS months_on_time,
       CASE WHEN months_expected > 0 THEN round(100.0 * months_received / months_expected, 1) END AS completeness,
       CASE WHEN months_expected > 0 THEN round(100.0 * months_on_time / months_expected, 1) END AS timeliness,
       coalesce(missing_months, '') AS missing_months,
       coalesce(rows_rejected, 0) AS rows_rejected
FROM reports
FULL OUTER JOIN rejected USING (country_code, source)
LEFT JOIN core.countries k USING (country_code)
ORDER BY country_code, source;
