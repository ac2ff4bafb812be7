-- The comments typed for month $month, with what they are about in words; the regional sheet's first.
SELECT
  c.country_code, c.subject_kind, c.subject_id, c.comment, c.author_role,
  coalesce(i.label_fr, r.label_fr) AS subject_fr,
  coalesce(i.label_en, r.label_en) AS subject_en
FROM core.comments c
LEFT JOIN mart.indicator_catalogue i ON c.subject_kind = 'indicator' AND i.indicator_id = c.subject_id
LEFT JOIN mart.rule_catalogue r ON r.rule_id = CASE c.subject_kind
  WHEN 'rule' THEN c.subject_id WHEN 'flag' THEN split_part(c.subject_id, '/', 2) END
WHERE c.period = $month::DATE
ORDER BY c.country_code NULLS FIRST, c.subject_kind, c.subject_id, c.comment, c.author_role
