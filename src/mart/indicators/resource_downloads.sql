-- Resource downloads in the month: regional platform statements and national platform figures, and their
-- sum over the platforms that reported. Neither reported: no value.
SELECT
  m.country_code,
  m.period,
  x.disaggregation,
  CASE x.disaggregation
    WHEN 'platform=regional' THEN u.downloads
    WHEN 'platform=national' THEN n.downloads
    ELSE CASE WHEN u.downloads IS NOT NULL OR n.downloads IS NOT NULL THEN coalesce(u.downloads, 0) + coalesce(n.downloads, 0) END
  END AS amount
FROM mart.months m
CROSS JOIN (VALUES (''), ('platform=regional'), ('platform=national')) x(disaggregation)
LEFT JOIN mart.usage_monthly u USING (country_code, period)
LEFT JOIN mart.national_monthly n USING (country_code, period)
