-- Every figure of the snapshot, per country (and all countries together), period, indicator and
-- breakdown, as donors read them: a suppressed figure is left empty.
CREATE OR REPLACE TEMP TABLE snapshot_indicators AS
SELECT r.country_code,
       CASE WHEN r.country_code = 'ALL' THEN $all_fr ELSE coalesce(k.name_fr, r.country_code) END AS country_fr,
       CASE WHEN r.country_code = 'ALL' THEN $all_en ELSE coalesce(k.name_en, r.country_code) END AS country_en,
       r.period_type,
       r.period_rank,
       r.period,
       r.period_start,
       r.period_end,
       r.indicator_id,
       r.position,
       c.label_fr,
       c.label_en,
       r.unit,
       r.disaggregation,
       CASE WHEN r.suppressed THEN NULL ELSE r.value END AS value,
       CASE WHEN r.running_total_suppressed THEN NULL ELSE r.running_total END AS running_total,
       r.numerator,
       r.denominator,
       r.target,
       r.target_status,
       r.year_target,
       r.phase_target,
       r.baseline,
       r.baseline_year,
       r.denominator_year,
       r.status,
       r.suppressed,
       r.running_total_suppressed
FROM snapshot_rows r
JOIN mart.indicator_catalogue c USING (indicator_id)
LEFT JOIN core.countries k USING (country_code);
