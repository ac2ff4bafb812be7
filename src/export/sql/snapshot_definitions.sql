-- The indicator definitions, in catalogue order.
CREATE OR REPLACE TEMP TABLE snapshot_definitions AS
SELECT position, indicator_id, label_fr, label_en, definition_fr, definition_en, unit, kind, phase_aggregate,
       disaggregations, target_key, sources
FROM mart.indicator_catalogue
ORDER BY position, indicator_id;
