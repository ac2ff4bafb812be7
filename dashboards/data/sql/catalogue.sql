-- Indicator labels, definitions and units, in catalogue order.
SELECT indicator_id, label_fr, label_en, definition_fr, definition_en, unit, kind
FROM mart.indicator_catalogue
ORDER BY position;
