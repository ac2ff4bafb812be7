-- The Cibles tab may give, beside each milestone, the indicator's value before the programme (its
-- baseline) and the year that value was taken: donors' results frameworks (IATI) report both.
ALTER TABLE core.targets ADD COLUMN baseline DOUBLE;
ALTER TABLE core.targets ADD COLUMN baseline_year INTEGER;
