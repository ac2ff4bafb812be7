-- One country's indicators per month, quarter and year (whole population), from
-- mart.indicator_periods as the mart added them up by the indicator's kind: the running total at the
-- period end for a cumulative indicator, else the period's own figure, with the target at the period
-- end, the standing against it and whether the country approved every month it rests on.
SELECT p.indicator_id, p.period_type, p.period, strftime(p.period_end, '%Y-%m-%d') AS period_end,
       CASE WHEN c.cumulative THEN p.running_total ELSE p.value END AS value, p.target, p.target_status,
       p.denominator_year, p.status
FROM mart.indicator_periods p
JOIN mart.indicator_catalogue c USING (indicator_id)
WHERE p.country_code = $country AND p.disaggregation = '' AND p.period_type IN ('month', 'quarter', 'year')
ORDER BY p.period_end DESC, p.period, c.position;
