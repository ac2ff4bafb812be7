-- Which platforms a country reports on, and whether their rows are days or months.
INSERT OR REPLACE INTO core.national_platforms
SELECT DISTINCT $country, platform, $granularity, $load_id
FROM (SELECT rowid - $first_rowid AS record, * FROM national_csv_checked)
WHERE record > $header_record AND NOT blank AND NOT summary AND parsed_day IS NOT NULL
