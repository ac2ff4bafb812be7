-- The figures a snapshot covers (mart.indicator_periods): every month, quarter and year that ended
-- by the end of its last month, and the phase to that month's end. Small counts in breakdowns are
-- suppressed, and when a group has exactly one suppressed cell the next smallest is suppressed too,
-- so it cannot be recovered from the total; running totals likewise.
CREATE OR REPLACE TEMP TABLE snapshot_rows AS
WITH included AS (
  SELECT p.*, c.unit, c.position,
         regexp_replace(p.disaggregation, '=[^,]*', '', 'g') AS dimension,
         CASE p.period_type WHEN 'month' THEN 1 WHEN 'quarter' THEN 2 WHEN 'year' THEN 3 ELSE 4 END AS period_rank
  FROM mart.indicator_periods p
  JOIN mart.indicator_catalogue c USING (indicator_id)
  WHERE CASE WHEN p.period_type = 'phase' THEN p.period_end = last_day($last_month::DATE)
             ELSE p.period_end <= last_day($last_month::DATE) END
),
flagged AS (
  SELECT *,
         disaggregation <> '' AND unit IN ('count', 'users') AND value > 0 AND value < $suppress_below AS small,
         disaggregation <> '' AND unit IN ('count', 'users') AND running_total > 0 AND running_total < $suppress_below AS small_running
  FROM included
),
ranked AS (
  SELECT *,
         count(*) FILTER (WHERE small) OVER grp AS small_in_group,
         row_number() OVER (PARTITION BY country_code, period_type, period, period_end, indicator_id, dimension, small
                            ORDER BY value, disaggregation) AS rank_in_kind,
         count(*) FILTER (WHERE small_running) OVER grp AS small_running_in_group,
         row_number() OVER (PARTITION BY country_code, period_type, period, period_end, indicator_id, dimension, small_running
                            ORDER BY running_total, disaggregation) AS running_rank_in_kind
  FROM flagged
  WINDOW grp AS (PARTITION BY country_code, period_type, period, period_end, indicator_id, dimension)
)
SELECT * EXCLUDE (small, small_running, small_in_group, rank_in_kind, small_running_in_group, running_rank_in_kind, dimension),
       small OR (small_in_group = 1 AND NOT small AND rank_in_kind = 1
                 AND disaggregation <> '' AND unit IN ('count', 'users')) AS suppressed,
       small_running OR (small_running_in_group = 1 AND NOT small_running AND running_rank_in_kind = 1
                         AND disaggregation <> '' AND unit IN ('count', 'users')) AS running_total_suppressed
FROM ranked;
