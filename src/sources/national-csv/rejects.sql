-- The problems of this file as ops.rejects rows: `file.csv:LINE`, the column as headed in the
-- file, the text as written, and the reason in both languages.
INSERT INTO ops.rejects
SELECT
  $load_id,
  $source,
  $file || ':' || (p.record + b.delta)::VARCHAR,
  h.header,
  p.value,
  replace(replace(replace(r.reason_fr, '{value}', coalesce(p.value, '')), '{detail}', coalesce(p.detail, '')), '{today}', $today_text),
  replace(replace(replace(r.reason_en, '{value}', coalesce(p.value, '')), '{detail}', coalesce(p.detail, '')), '{today}', $today_text)
FROM national_csv_problems p
ASOF JOIN national_csv_breaks b ON p.record >= b.record
JOIN national_csv_reasons r ON r.code = p.code
LEFT JOIN national_csv_headers h ON h.field = p.field
ORDER BY p.record, h.header
