-- core.resource_status_history: run after the country's core.resources rows were replaced, in the
-- same batch. A (resource, status) pair seen for the first time is kept with its date; a pair
-- seen before keeps the date it was first seen with (a resource back in validation after being
-- published does not move its first validation date).
INSERT INTO core.resource_status_history (country_code, resource_id, status, status_date, first_seen_load_id)
SELECT country_code, resource_id, status, status_date, load_id
FROM core.resources
WHERE country_code = $country_code AND status IS NOT NULL
ON CONFLICT (country_code, resource_id, status) DO NOTHING;
