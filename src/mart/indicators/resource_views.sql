-- Resource views in the month: regional platform statements and national platform figures, and their
-- sum over the platforms that reported. Neither reported: no value.
SELECT
  m.country_code,
  m.period,
  x.disaggregation,
  CASE x.disaggregation
    WHEN 'platform=regional' THEN u.views
    WHEN 'platform=national' THEN n.page_views
    ELSE CASE WHEN u.views IS NOT NULL OR n.page_views IS NOT NULL THEN coalesce(u.views, 0) + coalesce(n.page_views, 0) END
  END AS amount
FROM mart.months m
CROSS JOIN (VALUES (''), ('platform=regional'), ('platform=national')) x(disaggregation)
LEFT JOIN mart.usage_monthly u USING (country_code, period)
LEFT JOIN mart.national_monthly n USING (country_code, period)
