-- Provenance: every load whose data the snapshot's figures use, whenever it arrived, with its date
-- and the sha256 of what it read: the loads behind the core rows dated up to the end of the last
-- month covered (the resources list: up to the as-of date), the targets, the sheets' update dates
-- and the country reference in force. A load whose rows were all replaced since is not used. A
-- file is named by its base name and a URL loses its credentials and query string: server folders
-- and tokens are not the donor's.
CREATE OR REPLACE TEMP TABLE snapshot_provenance AS
WITH used AS (
  SELECT load_id FROM core.usage_events WHERE occurred_at < ($cover_end::DATE + 1)::TIMESTAMPTZ
  UNION SELECT load_id FROM core.national_usage WHERE day <= $cover_end::DATE
  UNION SELECT load_id FROM core.trainers WHERE trained_on <= $cover_end::DATE
  UNION SELECT load_id FROM core.training_sessions WHERE coalesce(end_date, start_date) <= $cover_end::DATE
  UNION SELECT load_id FROM core.resources WHERE status_date IS NULL OR status_date <= $as_of::DATE
  UNION SELECT first_seen_load_id FROM core.resource_status_history WHERE status_date <= $cover_end::DATE
  UNION SELECT load_id FROM core.activities WHERE due_date <= $cover_end::DATE
  UNION SELECT load_id FROM core.month_approvals WHERE period <= $cover_end::DATE
  UNION SELECT load_id FROM core.targets
  UNION SELECT load_id FROM core.sheet_syncs
  UNION SELECT load_id FROM (
    SELECT load_id FROM ops.loads
    WHERE source = 'reference' AND status IN ('loaded', 'loaded_with_rejects')
    ORDER BY started_at DESC, load_id DESC LIMIT 1
  )
)
SELECT source,
       CASE WHEN regexp_matches(location, '^[a-z][a-z0-9+.-]*://')
            THEN regexp_replace(regexp_replace(location, '^([a-z][a-z0-9+.-]*://)[^/@]*@', '\1'), '[?#].*$', '')
            ELSE regexp_replace(location, '^.*[/\\]', '')
       END AS location,
       coalesce(country_code, '') AS country_code, load_id, started_at, finished_at,
       status, content_sha256, rows_read, rows_loaded, rows_rejected
FROM ops.loads
WHERE load_id IN (SELECT load_id FROM used);
