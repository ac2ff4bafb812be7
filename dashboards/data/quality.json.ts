// Data quality, per country: the three dates of each source, each tab or file's latest load with
// its counts and why rows read were not loaded, the rejects those counts stand for (with the cell's
// address in Google Sheets when the source is the API), and reports received and on time per
// month and source. File names are shown relative to their source's folder, never as a path of the
// server, and advice meant for whoever runs the pipeline is not shown to country teams.
// For the programme's staff only: never part of the public edition.
import { requireFeature } from "../components/edition.ts";
import { forTeam, shownLocation } from "./lib/quality-text.ts";
import { runLoader } from "./lib/warehouse.ts";

/** Rejects listed per country; the page says how many more there are. */
const REJECTS_SHOWN = 300;

interface TabRow { load_id: string; location: string; url: string | null; message: string | null; [key: string]: unknown }
interface RejectRow { load_location: string; url: string | null; location: string; reason_fr: string; reason_en: string; [key: string]: unknown }

await runLoader(async (db, edition) => {
  requireFeature(edition, "staff", "quality.json");
  const dated = await db.hasTable("ops", "source_dates");
  const tabs = await db.query<TabRow>("quality_tabs");
  const rejects = await db.query<RejectRow>("quality_rejects", { limit: REJECTS_SHOWN });
  return {
    dates: dated ? await db.query("source_dates") : [],
    tabs: tabs.map(({ location, message, ...t }) => ({
      ...t,
      location: shownLocation(location),
      message_fr: message === null ? null : forTeam(message, "fr"),
      message_en: message === null ? null : forTeam(message, "en"),
    })),
    completeness: (await db.hasTable("mart", "completeness")) ? await db.query("completeness") : [],
    rejects: rejects.map(({ load_location, url, location, reason_fr, reason_en, ...r }) => ({
      ...r,
      file: shownLocation(load_location),
      location: shownLocation(location),
      // Sessions!D9 in a Google Sheet opens on that cell.
      link: url && /![A-Z]+\d+$/.test(location) ? `${url}&range=${location.slice(location.lastIndexOf("!") + 1)}` : null,
      reason_fr: r.country_code ? forTeam(reason_fr, "fr") : reason_fr,
      reason_en: r.country_code ? forTeam(reason_en, "en") : reason_en,
    })),
    rejectsTotal: Object.fromEntries((await db.query<{ country_code: string; total: number }>("quality_rejects_count")).map((c) => [c.country_code, c.total])),
    rejectsShown: REJECTS_SHOWN,
  };
});
