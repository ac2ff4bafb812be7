-- Monthly indicator rows of the months that ended on or before the as-of date: a month still
-- running at the as-of date would carry figures from after it. Small counts in disaggregated
-- cells are suppressed, and when a group has exactly one suppressed cell the next smallest is
-- suppressed too, so it cannot be recovered from the country total.
CREATE OR REPLACE TEMP TABLE snapshot_months AS
WITH included AS (
  SELECT i.*, c.unit, c.phase_aggregate, c.target_key, c.position,
         regexp_replace(i.disaggregation, '=[^,]*', '', 'g') AS dimension
  FROM mart.indicators i
  JOIN mart.indicator_catalogue c USING (indicator_id)
  WHERE i.period + INTERVAL 1 MONTH <= $as_of::DATE + 1
),
flagged AS (
  SELECT *,
         disaggregation <> '' AND unit IN ('count', 'users')
           AND value > 0 AND value < $suppress_below AS small
  FROM included
),
ranked AS (
  SELECT *,
         count(*) FILTER (WHERE small) OVER grp AS small_in_group,
         row_number() OVER (PARTITION BY country_code, period, indicator_id, dimension, small
                            ORDER BY value, disaggregation) AS rank_in_kind
  FROM flagged
  WINDOW grp AS (PARTITION BY country_code, period, indicator_id, dimension)
)
SELECT country_code, period, indicator_id, position, disaggregation, unit, phase_aggregate, target_key,
       value, target, target_status, denominator_year, status,
       small OR (small_in_group = 1 AND NOT small AND rank_in_kind = 1 AND disaggregation <> '' AND unit IN ('count', 'users')) AS suppressed
FROM ranked;
