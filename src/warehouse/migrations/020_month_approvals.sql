-- A country marks a month as validated in its Validation tab; indicators of that month become approved.
-- IF NOT EXISTS: the indicators migration (040) declares it too, for warehouses built before this one.
CREATE TABLE IF NOT EXISTS core.month_approvals (
  country_code VARCHAR NOT NULL,
  period       DATE NOT NULL,          -- first day of the month
  approved_on  DATE NOT NULL,
  approver_key VARCHAR,                -- keyed hash: the approver is personal data
  load_id      VARCHAR NOT NULL,
  PRIMARY KEY (country_code, period)
);
