import { formatDate, formatNumber } from "../../core/format.ts";
import { codesOf, label } from "../../core/labels.ts";
import type { Lang } from "../../core/lang.ts";
import { say } from "../../core/message.ts";
import { resolveCountry } from "../../sources/reference/lookup.ts";
import { readStatus, type LoadLine } from "../../status/index.ts";
import { openForReading, ROOT, today, type GlobalOptions } from "../context.ts";
import { rejectLine } from "../report.ts";
import { splitReason } from "../../sources/sheets/parse-tab.ts";

const SHOWN_REJECTS = 30;

export async function statusCommand(options: GlobalOptions, lang: Lang, o: { json?: boolean; country?: string }): Promise<void> {
  // Read-only, so status works on a read-only warehouse and beside a reader such as the site build.
  const warehouse = await openForReading(options, lang, { tolerant: true });
  try {
    const country = o.country === undefined ? null : await resolveCountry({ warehouse, root: ROOT }, o.country);
    const status = await readStatus(warehouse, today(), country);
    const out = (line = ""): void => void process.stdout.write(line + "\n");
    if (o.json) {
      out(JSON.stringify(status, null, 2));
      return;
    }
    const n = (value: number) => formatNumber(lang, value, 0);
    // The warehouse gives "YYYY-MM-DD HH:MM" (UTC): the day in the reader's format, the time as it is.
    const when = (stamp: string | null) => (stamp ? `${formatDate(lang, stamp)} ${stamp.slice(11, 16)}`.trim() : "—");
    const statusWidth = Math.max(...codesOf("load_status").map((c) => label(lang, "load_status", c).length));
    const loadLine = (l: LoadLine, name: string) => {
      const counts = { read: n(l.rows_read), loaded: n(l.rows_loaded), rejected: n(l.rows_rejected) };
      return `  ${name.padEnd(14)} ${when(l.finished_at)}  ${label(lang, "load_status", l.status).padEnd(statusWidth)}  ` +
        say(lang, { fr: `lues ${counts.read}, chargées ${counts.loaded}, rejetées ${counts.rejected}`, en: `read ${counts.read}, loaded ${counts.loaded}, rejected ${counts.rejected}` });
    };

    out(country
      ? say(lang, { fr: `Derniers chargements par source (${country})`, en: `Last load per source (${country})` })
      : say(lang, { fr: "Derniers chargements par source", en: "Last load per source" }));
    if (status.lastLoads.length === 0) out(say(lang, { fr: "  aucun chargement : lancez `imaginecole run`", en: "  no load yet: run `imaginecole run`" }));
    for (const l of status.lastLoads) out(`${loadLine(l, l.source)}  ${l.location}`);
    out();
    if (country) {
      out(say(lang, { fr: `Par onglet ou fichier (${country}) : dernier chargement de contenu nouveau`, en: `Per tab or file (${country}): latest load of new content` }));
      for (const l of status.locations) out(`${loadLine(l, l.source)}  ${l.location}`);
      out();
    }
    const dates = (["last_edited", "last_loaded", "latest_reported"] as const).map((c) => label(lang, "source_date", c).toLowerCase()).join(", ");
    out(say(lang, {
      fr: `Dates par pays et source (UTC) : ${dates} (son âge en jours)`,
      en: `Dates per country and source (UTC): ${dates} (its age in days)`,
    }));
    for (const d of status.dates) {
      const age = d.days_old === null ? "" : `${n(d.days_old).padStart(5)} ${say(lang, { fr: "j", en: "d" })}`;
      out(`  ${d.country_code}  ${d.source.padEnd(14)} ${when(d.last_edited).padEnd(17)} ${when(d.last_loaded).padEnd(17)} ${(d.latest_reported ? formatDate(lang, d.latest_reported) : "—").padEnd(17)}${age}`);
    }
    out();
    if (status.lastFailure) {
      const f = status.lastFailure;
      out(say(lang, { fr: `Dernier échec : ${when(f.finished_at)} ${f.source} ${f.location} — ${f.message}`, en: `Last failure: ${when(f.finished_at)} ${f.source} ${f.location} — ${f.message}` }));
      out();
    }
    out(say(lang, { fr: `Rejets ouverts : ${n(status.openRejects.length)}`, en: `Open rejects: ${n(status.openRejects.length)}` }));
    for (const r of status.openRejects.slice(0, SHOWN_REJECTS)) {
      out(`  ${rejectLine({ location: r.location, column: r.column, value: r.value, reason: { fr: r.reason_fr, en: r.reason_en } }, lang)}`);
    }
    if (status.openRejects.length > SHOWN_REJECTS) {
      const more = n(status.openRejects.length - SHOWN_REJECTS);
      out(say(lang, { fr: `  … et ${more} autres (status --json)`, en: `  … and ${more} more (status --json)` }));
    }
    out();
    out(say(lang, { fr: `Alertes de vraisemblance ouvertes : ${n(status.openWarnings.length)}`, en: `Open plausibility warnings: ${n(status.openWarnings.length)}` }));
    for (const w of status.openWarnings.slice(0, SHOWN_REJECTS)) {
      out(`  ${w.country_code.toUpperCase()}  ${w.location}  ${splitReason(lang === "fr" ? w.message_fr : w.message_en, lang).problem}  [${w.warning_id}]`);
    }
    if (status.openWarnings.length > SHOWN_REJECTS) {
      const more = n(status.openWarnings.length - SHOWN_REJECTS);
      out(say(lang, { fr: `  … et ${more} autres (status --json)`, en: `  … and ${more} more (status --json)` }));
    }
  } finally {
    warehouse.close();
  }
}
