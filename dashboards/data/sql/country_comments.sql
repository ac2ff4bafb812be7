-- The comments of the last month described that concern one country: its own sheet's, and the
-- regional sheet's on its flags. Published text by contract (Commentaires tab).
SELECT
  c.subject_kind, c.subject_id, c.comment, c.author_role,
  strftime(c.period, '%Y-%m-%d') AS period
FROM core.comments c, mart.build_info b
WHERE c.period = b.as_of
  AND (c.country_code = $country OR (c.country_code IS NULL AND c.subject_kind = 'flag' AND split_part(c.subject_id, '/', 1) = $country))
ORDER BY c.subject_kind, c.subject_id, c.comment
