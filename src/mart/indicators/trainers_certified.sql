-- Trainers trained and certified since the phase start, cumulative at month end, total and by sex
-- (mart.trainer_counts).
SELECT country_code, period, disaggregation, certified AS value, NULL::INTEGER AS denominator_year
FROM mart.trainer_counts
