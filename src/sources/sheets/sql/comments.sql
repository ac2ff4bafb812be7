-- core.comments: one sheet's Commentaires tab replaces that sheet's rows (country_code NULL for the
-- regional sheet). The subject comes as indicator:<id>, rule:<id>, flag:<id> or general.
DELETE FROM core.comments WHERE country_code IS NOT DISTINCT FROM CAST($country_code AS VARCHAR);
INSERT INTO core.comments (country_code, period, subject_kind, subject_id, comment, author_role, load_id)
VALUES (
  CAST($country_code AS VARCHAR), CAST($period AS DATE),
  split_part($subject, ':', 1), nullif(substr($subject, strlen(split_part($subject, ':', 1)) + 2), ''),
  $comment, $author_role, $load_id
);
