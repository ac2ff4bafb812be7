-- Every bottleneck flag, newest first.
SELECT country_code, rule_id, flag_id, severity, strftime(since, '%Y-%m-%d') AS since, evidence, message_fr, message_en
FROM mart.bottlenecks
ORDER BY since DESC NULLS LAST, country_code, rule_id;
