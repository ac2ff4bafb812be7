-- One row per published resource with an earlier recorded status: the days from its earliest
-- recorded status date (the first status the pipeline saw: in production, in validation…) to the
-- date of its published status. Statuses dated after the publication (back in validation for a
-- revision) do not count; on the same date, the earlier step of the funnel is the first status.
-- A resource first seen already published has no row: when its production began is unknown.
WITH h AS (
  SELECT country_code, resource_id, status, status_date
  FROM core.resource_status_history
  WHERE status_date IS NOT NULL
),
published AS (
  SELECT country_code, resource_id, status_date AS published_on FROM h WHERE status = 'published'
),
earlier AS (
  SELECT
    h.country_code,
    h.resource_id,
    h.status,
    h.status_date,
    p.published_on,
    row_number() OVER (
      PARTITION BY h.country_code, h.resource_id
      ORDER BY h.status_date, CASE h.status WHEN 'in_production' THEN 1 WHEN 'in_validation' THEN 2 WHEN 'validated' THEN 3 ELSE 4 END
    ) AS rank
  FROM h
  JOIN published p USING (country_code, resource_id)
  WHERE h.status <> 'published' AND h.status_date <= p.published_on
)
SELECT
  country_code,
  resource_id,
  status AS first_status,
  status_date AS first_status_date,
  published_on,
  datediff('day', status_date, published_on) AS lead_time_days
FROM earlier
WHERE rank = 1
