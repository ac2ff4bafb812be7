-- The figures of the snapshot's own period (a month, quarter or year, or the phase to date), every
-- country and all countries together: the table a donor cites.
CREATE OR REPLACE TEMP TABLE snapshot_figures AS
SELECT * FROM snapshot_indicators WHERE period = $period;
