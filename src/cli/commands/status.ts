import { formatDate, formatNumber } from "../../core/format.ts";
import { codesOf, label } from "../../core/labels.ts";
import type { Lang } from "../../core/lang.ts";
import { say } from "../../core/message.ts";
import { readStatus } from "../../status/index.ts";
import { openForReading, today, type GlobalOptions } from "../context.ts";
import { rejectLine } from "../report.ts";

const SHOWN_REJECTS = 30;

export async function statusCommand(options: GlobalOptions, lang: Lang, o: { json?: boolean }): Promise<void> {
  // Read-only, so status works on a read-only warehouse and beside a reader such as the site build.
  const warehouse = await openForReading(options, lang, { tolerant: true });
  try {
    const status = await readStatus(warehouse, today());
    const out = (line = ""): void => void process.stdout.write(line + "\n");
    if (o.json) {
      out(JSON.stringify(status, null, 2));
      return;
    }
    const n = (value: number) => formatNumber(lang, value, 0);
    // The warehouse gives "YYYY-MM-DD HH:MM" (UTC): the day in the reader's format, the time as it is.
    const when = (stamp: string | null) => (stamp ? `${formatDate(lang, stamp)} ${stamp.slice(11, 16)}`.trim() : "");
    const statusWidth = Math.max(...codesOf("load_status").map((c) => label(lang, "load_status", c).length));

    out(say(lang, { fr: "Derniers chargements par source", en: "Last load per source" }));
    if (status.lastLoads.length === 0) out(say(lang, { fr: "  aucun chargement : lancez `imaginecole run`", en: "  no load yet: run `imaginecole run`" }));
    for (const l of status.lastLoads) {
      const counts = { read: n(l.rows_read), loaded: n(l.rows_loaded), rejected: n(l.rows_rejected) };
      out(
        `  ${l.source.padEnd(14)} ${when(l.finished_at)}  ${label(lang, "load_status", l.status).padEnd(statusWidth)}  ` +
          say(lang, { fr: `lues ${counts.read}, chargées ${counts.loaded}, rejetées ${counts.rejected}`, en: `read ${counts.read}, loaded ${counts.loaded}, rejected ${counts.rejected}` }) +
          `  ${l.location}`,
      );
    }
    out();
    out(say(lang, { fr: "Fraîcheur par pays et source (dernier jour couvert, âge en jours)", en: "Freshness per country and source (latest day covered, age in days)" }));
    for (const f of status.freshness) {
      out(`  ${f.country_code}  ${f.source.padEnd(14)} ${formatDate(lang, f.latest_day)}  ${n(f.days_old).padStart(5)} ${say(lang, { fr: "j", en: "d" })}`);
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
  } finally {
    warehouse.close();
  }
}
