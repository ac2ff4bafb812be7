-- The problems of this file as ops.rejects rows: `file.csv:LINE`, the column as headed in the
-- file, the text as written, and the reason in both languages. $break_records and $break_deltas
-- map records to lines; $header_fields and $header_names give each field's header in the file.
INSERT INTO ops.rejects
WITH breaks AS (
  SELECT unnest($break_records) AS record, unnest($break_deltas) AS delta
), headers AS (
  SELECT unnest($header_fields) AS field, unnest($header_names) AS header
)
SELECT
  $load_id,
  $source,
  $file || ':' || (p.record + b.delta)::VARCHAR,
  h.header,
  p.value,
  replace(replace(replace(r.reason_fr, '{value}', coalesce(p.value, '')), '{detail}', coalesce(p.detail, '')), '{today}', $today_text),
  replace(replace(replace(r.reason_en, '{value}', coalesce(p.value, '')), '{detail}', coalesce(p.detail, '')), '{today}', $today_text)
FROM national_csv_problems p
ASOF JOIN breaks b ON p.record >= b.record
JOIN national_csv_reasons r ON r.code = p.code
LEFT JOIN headers h ON h.field = p.field
ORDER BY p.record, h.header
