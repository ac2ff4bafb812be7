-- What the indicators compared with a target mean, and the rules behind the flags.
SELECT 'indicator' AS kind, indicator_id AS id, label_fr, label_en, definition_fr AS text_fr, definition_en AS text_en, position
FROM mart.indicator_catalogue WHERE target_key IS NOT NULL
UNION ALL
SELECT 'rule', rule_id, label_fr, label_en, action_fr, action_en, position FROM mart.rule_catalogue
ORDER BY kind, position
