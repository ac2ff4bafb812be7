-- core.month_approvals: one country's Validation tab replaces that country's rows; approver_key is already keyed.
DELETE FROM core.month_approvals WHERE country_code = $country_code;
INSERT INTO core.month_approvals (country_code, period, approved_on, approver_key, load_id)
VALUES ($country_code, CAST($period AS DATE), CAST($approved_on AS DATE), $approver_key, $load_id);
