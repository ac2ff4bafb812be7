-- Which platforms a country reports on, and whether their rows are days or months.
INSERT OR REPLACE INTO core.national_platforms
SELECT DISTINCT $country, platform, $granularity, $load_id
FROM national_csv_checked r
WHERE NOT summary AND NOT EXISTS (SELECT 1 FROM national_csv_problems p WHERE p.record = r.record)
