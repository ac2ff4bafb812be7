-- Indicators per country and month up to the as-of date, as donors read them.
CREATE OR REPLACE TEMP TABLE snapshot_indicators AS
SELECT m.country_code,
       coalesce(k.name_fr, m.country_code) AS country_fr,
       coalesce(k.name_en, m.country_code) AS country_en,
       m.period,
       m.indicator_id,
       m.position,
       c.label_fr,
       c.label_en,
       m.unit,
       m.disaggregation,
       CASE WHEN m.suppressed THEN NULL ELSE m.value END AS value,
       m.target,
       m.target_status,
       m.denominator_year,
       m.status,
       m.suppressed
FROM snapshot_months m
JOIN mart.indicator_catalogue c USING (indicator_id)
LEFT JOIN core.countries k USING (country_code)
ORDER BY m.country_code, m.period, m.position, m.indicator_id, m.disaggregation;
