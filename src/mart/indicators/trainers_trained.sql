-- Trainers trained in the month since the phase start, total, by sex and by region (mart.trainer_counts).
SELECT country_code, period, disaggregation, trained AS amount
FROM mart.trainer_counts
