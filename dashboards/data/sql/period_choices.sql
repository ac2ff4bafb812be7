-- The months, quarters and years the countries have figures for (mart.indicator_periods), latest first:
-- the choices of a page's period control.
SELECT DISTINCT period_type, period, strftime(period_end, '%Y-%m-%d') AS period_end
FROM mart.indicator_periods
WHERE country_code <> 'ALL' AND disaggregation = '' AND period_type IN ('month', 'quarter', 'year')
ORDER BY period_end DESC, period;
