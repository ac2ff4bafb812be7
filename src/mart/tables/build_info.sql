-- The moment the mart describes and its last complete month, capped at the end of the phase.
SELECT
  $now::TIMESTAMP AT TIME ZONE 'UTC' AS built_for,
  least(date_trunc('month', $now::TIMESTAMP) - INTERVAL 1 MONTH, date_trunc('month', $phase_end::DATE))::DATE AS as_of,
  $phase_start::DATE AS phase_start,
  $phase_end::DATE AS phase_end
