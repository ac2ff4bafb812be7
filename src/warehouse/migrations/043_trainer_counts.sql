-- Trainers trained since the phase start, cumulative at each month's end, total and by sex, and
-- how many of them are certified. NULL for a country with no Formateurs row at all.
CREATE TABLE mart.trainer_counts (
  country_code   VARCHAR NOT NULL,
  period         DATE NOT NULL,
  disaggregation VARCHAR NOT NULL,
  trained        BIGINT,
  certified      BIGINT
);
