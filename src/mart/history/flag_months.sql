-- The month this build describes, among the months whose flags were checked: a month with no flag
-- is still a month the flags were checked (it resolves them).
INSERT OR REPLACE INTO mart.flag_months SELECT as_of, built_for FROM mart.build_info;
