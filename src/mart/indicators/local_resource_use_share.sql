-- Regional views and downloads that went to the country's own resources (Ressources tab), over all
-- regional views and downloads: a rate, added up over any period before it is divided.
SELECT
  m.country_code,
  m.period,
  '' AS disaggregation,
  u.local_views AS amount,
  u.views + u.downloads AS base
FROM mart.months m
LEFT JOIN mart.usage_monthly u USING (country_code, period)
