-- Trainers trained in the month since the phase start and certified, total, by sex and by region
-- (mart.trainer_counts).
SELECT country_code, period, disaggregation, certified AS amount
FROM mart.trainer_counts
