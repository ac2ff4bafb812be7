-- National exports come as days or as whole months: the last day a month's figures cover.
ALTER TABLE mart.national_monthly ADD COLUMN last_day_covered DATE;
