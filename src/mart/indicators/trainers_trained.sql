-- Trainers trained since the phase start, cumulative at month end, total and by sex (mart.trainer_counts).
SELECT country_code, period, disaggregation, trained AS value, NULL::INTEGER AS denominator_year
FROM mart.trainer_counts
