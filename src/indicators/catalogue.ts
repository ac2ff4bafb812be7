import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export type Dimension = "sex" | "level" | "source" | "platform";

/** One indicator of the catalogue (src/indicators/catalogue.json); its SQL is sql/<id>.sql. */
export interface Indicator {
  id: string;
  label_fr: string;
  label_en: string;
  definition_fr: string;
  definition_en: string;
  unit: "count" | "percent" | "days" | "users";
  /** stock: level at the end of the month; flow: what happened during the month. */
  kind: "stock" | "flow";
  /** How the phase-to-date value is read from the months. */
  phase_aggregate: "last" | "sum" | "mean";
  /** Only the current state is known (the sheet keeps no history): a value for the last month only. */
  snapshot: boolean;
  disaggregations: Dimension[];
  /** The core.targets.indicator_id (Cibles) this indicator is compared with, if any. */
  target_key: string | null;
  sources: string[];
}

const HERE = dirname(fileURLToPath(import.meta.url));
export const CATALOGUE_PATH = join(HERE, "catalogue.json");
export const INDICATOR_SQL_DIR = join(HERE, "sql");

export function loadCatalogue(): Indicator[] {
  return JSON.parse(readFileSync(CATALOGUE_PATH, "utf8")) as Indicator[];
}

export function indicatorSql(id: string): string {
  return readFileSync(join(INDICATOR_SQL_DIR, `${id}.sql`), "utf8");
}

const UNIT = {
  fr: { count: "nombre", percent: "%", days: "jours", users: "utilisateurs" },
  en: { count: "count", percent: "%", days: "days", users: "users" },
} as const;

const DIMENSION = {
  fr: { sex: "sexe", level: "niveau", source: "source", platform: "plateforme" },
  en: { sex: "sex", level: "level", source: "source", platform: "platform" },
} as const;

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The catalogue as a Markdown document in both languages (src/indicators/CATALOGUE.md). */
export function catalogueMarkdown(catalogue: Indicator[] = loadCatalogue()): string {
  const table = (lang: "fr" | "en") => {
    const head = lang === "fr"
      ? "| id | indicateur | définition | unité | nature | ventilations | cible (Cibles) | sources |"
      : "| id | indicator | definition | unit | kind | disaggregations | target (Cibles) | sources |";
    const rows = catalogue.map((i) => {
      const kind = lang === "fr" ? (i.kind === "stock" ? "stock" : "flux") : i.kind;
      const dims = i.disaggregations.map((d) => DIMENSION[lang][d]).join(", ") || "—";
      return `| \`${i.id}\` | ${cell(lang === "fr" ? i.label_fr : i.label_en)} | ${cell(lang === "fr" ? i.definition_fr : i.definition_en)} | ${UNIT[lang][i.unit]} | ${kind} | ${dims} | ${i.target_key ? `\`${i.target_key}\`` : "—"} | ${i.sources.join(", ")} |`;
    });
    return [head, "|---|---|---|---|---|---|---|---|", ...rows].join("\n");
  };
  return [
    "# Catalogue des indicateurs / Indicator catalogue",
    "",
    "<!-- Generated from src/indicators/catalogue.json by catalogueMarkdown(); a test keeps it in step. -->",
    "",
    "Valeurs par pays et par mois dans `mart.indicators`, valeur de la phase à date dans `mart.indicators_phase`. Stock : niveau en fin de mois ; flux : ce qui s'est passé dans le mois.",
    "",
    table("fr"),
    "",
    "Values per country and month in `mart.indicators`, phase-to-date value in `mart.indicators_phase`. Stock: level at month end; flow: what happened in the month.",
    "",
    table("en"),
    "",
  ].join("\n");
}
