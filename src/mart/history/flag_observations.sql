-- The flags of the month this build describes (info notes, which say a rule could not be judged,
-- left out), replacing what an earlier build of the same month recorded.
DELETE FROM mart.flag_observations WHERE period = (SELECT as_of FROM mart.build_info);
INSERT INTO mart.flag_observations BY NAME
SELECT i.as_of AS period, b.flag_id, b.country_code, b.rule_id,
  CASE WHEN b.flag_id = b.country_code || '/' || b.rule_id THEN NULL ELSE split_part(b.flag_id, '/', 3) END AS subject,
  b.severity, b.since, b.evidence, b.message_fr, b.message_en
FROM mart.bottlenecks b, mart.build_info i
WHERE b.severity <> 'info';
