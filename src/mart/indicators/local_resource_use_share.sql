-- % of regional views and downloads that went to the country's own resources (Ressources tab).
SELECT
  m.country_code,
  m.period,
  '' AS disaggregation,
  100.0 * u.local_views / nullif(u.views + u.downloads, 0) AS value,
  NULL::INTEGER AS denominator_year
FROM mart.months m
LEFT JOIN mart.usage_monthly u USING (country_code, period)
