-- Each country's figure per month, quarter and year (whole population), from mart.indicator_periods
-- as the mart added it up by the indicator's kind: the running total at the period end for a
-- cumulative indicator (what its trajectory target compares with), else the period's own figure,
-- with the target at the period end and the standing against it.
SELECT p.country_code, p.indicator_id, p.period_type, p.period, strftime(p.period_end, '%Y-%m-%d') AS period_end,
       CASE WHEN c.cumulative THEN p.running_total ELSE p.value END AS value, p.target, p.target_status
FROM mart.indicator_periods p
JOIN mart.indicator_catalogue c USING (indicator_id)
WHERE p.country_code <> 'ALL' AND p.disaggregation = '' AND p.period_type IN ('month', 'quarter', 'year')
ORDER BY p.indicator_id, p.country_code, p.period_end, p.period;
