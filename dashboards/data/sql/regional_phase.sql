-- All countries together, phase to date at the last complete month, per indicator: the figure,
-- the trajectory it is held to, its standing, and the phase target with its deadline (mart.indicator_periods).
SELECT indicator_id, strftime(period_end, '%Y-%m-%d') AS period_end, value, target, target_status,
       phase_target, strftime(phase_deadline, '%Y-%m-%d') AS phase_deadline
FROM mart.indicator_periods
WHERE country_code = 'ALL' AND period_type = 'phase' AND disaggregation = ''
QUALIFY row_number() OVER (PARTITION BY indicator_id ORDER BY period_end DESC) = 1
ORDER BY indicator_id;
