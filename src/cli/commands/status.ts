import type { Lang } from "../../core/lang.ts";
import { readStatus } from "../../status/index.ts";
import { Warehouse } from "../../warehouse/warehouse.ts";
import { dbPath, today, type GlobalOptions } from "../context.ts";

const SHOWN_REJECTS = 30;

export async function statusCommand(options: GlobalOptions, lang: Lang, o: { json?: boolean }): Promise<void> {
  const warehouse = await Warehouse.open(dbPath(options));
  try {
    const status = await readStatus(warehouse, today());
    const out = (line = ""): void => void process.stdout.write(line + "\n");
    if (o.json) {
      out(JSON.stringify(status, null, 2));
      return;
    }
    const t = (fr: string, en: string) => (lang === "fr" ? fr : en);

    out(t("Derniers chargements par source", "Last load per source"));
    if (status.lastLoads.length === 0) out(t("  aucun chargement : lancez `imaginecole run`", "  no load yet: run `imaginecole run`"));
    for (const l of status.lastLoads) {
      out(
        `  ${l.source.padEnd(14)} ${l.finished_at}  ${l.status.padEnd(20)} ` +
          t(`lues ${l.rows_read}, chargées ${l.rows_loaded}, rejetées ${l.rows_rejected}`, `read ${l.rows_read}, loaded ${l.rows_loaded}, rejected ${l.rows_rejected}`) +
          `  ${l.location}`,
      );
    }
    out();
    out(t("Fraîcheur par pays et source (dernier jour couvert, âge en jours)", "Freshness per country and source (latest day covered, age in days)"));
    for (const f of status.freshness) {
      out(`  ${f.country_code}  ${f.source.padEnd(14)} ${f.latest_day}  ${String(f.days_old).padStart(4)} ${t("j", "d")}`);
    }
    out();
    if (status.lastFailure) {
      const f = status.lastFailure;
      out(t(`Dernier échec : ${f.finished_at} ${f.source} ${f.location} — ${f.message}`, `Last failure: ${f.finished_at} ${f.source} ${f.location} — ${f.message}`));
      out();
    }
    out(t(`Rejets ouverts : ${status.openRejects.length}`, `Open rejects: ${status.openRejects.length}`));
    for (const r of status.openRejects.slice(0, SHOWN_REJECTS)) {
      const value = r.value !== null ? t(` « ${r.value} »`, ` "${r.value}"`) : "";
      out(`  ${r.location}${r.column ? ` [${r.column}]` : ""}${value}${t(" : ", ": ")}${t(r.reason_fr, r.reason_en)}`);
    }
    if (status.openRejects.length > SHOWN_REJECTS) {
      out(t(`  … et ${status.openRejects.length - SHOWN_REJECTS} autres (status --json)`, `  … and ${status.openRejects.length - SHOWN_REJECTS} more (status --json)`));
    }
  } finally {
    warehouse.close();
  }
}
