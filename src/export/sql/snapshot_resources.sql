-- The resources list (Ressources tabs) as it stood at the as-of date: a resource whose current
-- status is dated after it is left out, since its status on that date is not known.
CREATE OR REPLACE TEMP TABLE snapshot_resources AS
SELECT r.country_code,
       coalesce(k.name_fr, r.country_code) AS country_fr,
       coalesce(k.name_en, r.country_code) AS country_en,
       r.resource_id, r.title, r.discipline, r.level, r.language, r.type, r.status, r.status_date, r.link
FROM core.resources r
LEFT JOIN core.countries k USING (country_code)
WHERE r.status_date IS NULL OR r.status_date <= $as_of::DATE;
