-- The bottleneck rules in catalogue order, with their labels and recommended actions.
SELECT rule_id, position, label_fr, label_en, action_fr, action_en
FROM mart.rule_catalogue
ORDER BY position;
