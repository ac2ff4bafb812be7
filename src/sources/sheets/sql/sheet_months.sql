-- core.sheet_months: the months a tab's rows report on, each kept with the load that first brought it.
INSERT INTO core.sheet_months (country_code, tab, period, first_load_id, first_seen_at)
SELECT $country_code, $tab, CAST(unnest(string_split($periods, ',')) AS DATE), $load_id, CAST($seen_at AS TIMESTAMPTZ)
WHERE $periods <> ''
ON CONFLICT DO NOTHING;
