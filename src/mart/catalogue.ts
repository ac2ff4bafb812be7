import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { label } from "../core/labels.ts";
import { pick, type Lang } from "../core/lang.ts";

export type Dimension = "sex" | "level" | "source" | "platform";

/** One indicator of the catalogue (src/mart/catalogue.json); its SQL is indicators/<id>.sql. */
export interface Indicator {
  id: string;
  label_fr: string;
  label_en: string;
  definition_fr: string;
  definition_en: string;
  unit: "count" | "percent" | "days" | "users";
  /** stock: level at the end of the month; flow: what happened during the month. */
  kind: "stock" | "flow";
  /**
   * How the phase-to-date value is taken: from the months (last, sum, mean), or, for a median,
   * from the row with no period that the indicator's SQL gives (a median of monthly medians is
   * not the median over the phase).
   */
  phase_aggregate: "last" | "sum" | "mean" | "median";
  /** Only the current state is known (the sheet keeps no history): a value for the last month only. */
  snapshot: boolean;
  disaggregations: Dimension[];
  /** The core.targets.indicator_id (Cibles) this indicator is compared with, if any. */
  target_key: string | null;
  sources: string[];
}

const HERE = dirname(fileURLToPath(import.meta.url));
export const CATALOGUE_PATH = join(HERE, "catalogue.json");

export function loadCatalogue(): Indicator[] {
  return JSON.parse(readFileSync(CATALOGUE_PATH, "utf8")) as Indicator[];
}


/** The bottleneck rules, one src/mart/rules/<id>.sql each. */
export const RULES = [
  "behind_trajectory",
  "resources_stuck_in_validation",
  "trained_but_inactive",
  "falling_use",
  "stale_data",
  "overdue_activities",
] as const;

export type RuleId = (typeof RULES)[number];

/** What a rule is called and what the coordinator and the country team can do about its flag. */
export interface RuleGuide {
  label_fr: string;
  label_en: string;
  action_fr: string;
  action_en: string;
}

export const RULE_GUIDE: Record<RuleId, RuleGuide> = {
  behind_trajectory: {
    label_fr: "Retard sur la trajectoire",
    label_en: "Behind the target trajectory",
    action_fr: "Revoir avec l'équipe pays le calendrier des formations et de la production, et ce qui manque pour rattraper la trajectoire d'ici l'échéance.",
    action_en: "Review the training and production calendar with the country team, and what is needed to catch up with the trajectory by the deadline.",
  },
  resources_stuck_in_validation: {
    label_fr: "Ressources bloquées en validation",
    label_en: "Resources stuck in validation",
    action_fr: "Réunir le comité de validation sur les ressources les plus anciennes, ou désigner un second validateur.",
    action_en: "Convene the validation committee on the oldest resources, or appoint a second reviewer.",
  },
  trained_but_inactive: {
    label_fr: "Enseignants formés mais inactifs",
    label_en: "Trained but inactive",
    action_fr: "Relancer les enseignants formés (comptes, accès, accompagnement de proximité) et vérifier que leurs connexions sont bien rattachées au pays.",
    action_en: "Follow up the trained teachers (accounts, access, local support) and check that their use is recorded under the country.",
  },
  falling_use: {
    label_fr: "Usage en baisse",
    label_en: "Falling use",
    action_fr: "Chercher la cause avec l'équipe pays (congés scolaires, connexion, contenus) et relancer l'animation de la plateforme.",
    action_en: "Look for the cause with the country team (school holidays, connectivity, content) and revive activity on the platform.",
  },
  stale_data: {
    label_fr: "Données en retard ou manquantes",
    label_en: "Stale or missing data",
    action_fr: "Demander au point focal de mettre à jour la feuille pays ou d'envoyer l'export manquant, et vérifier l'accès de la plateforme au pays.",
    action_en: "Ask the focal point to update the country sheet or send the missing export, and check the platform's access for the country.",
  },
  overdue_activities: {
    label_fr: "Activités en retard",
    label_en: "Overdue activities",
    action_fr: "Faire le point sur les activités échues avec leurs responsables : les réaliser, les reporter avec une nouvelle échéance ou les annuler.",
    action_en: "Go through the overdue activities with those in charge: carry them out, reschedule them with a new deadline, or cancel them.",
  },
};

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The catalogue as a Markdown document in both languages (src/mart/CATALOGUE.md). */
export function catalogueMarkdown(catalogue: Indicator[] = loadCatalogue()): string {
  const table = (lang: Lang) => {
    const head = pick(lang, {
      fr: "| id | indicateur | définition | unité | nature | ventilations | cible (Cibles) | sources |",
      en: "| id | indicator | definition | unit | kind | disaggregations | target (Cibles) | sources |",
    });
    const rows = catalogue.map((i) => {
      const dims = i.disaggregations.map((d) => label(lang, "dimension", d)).join(", ") || "—";
      const name = pick(lang, { fr: i.label_fr, en: i.label_en });
      const definition = pick(lang, { fr: i.definition_fr, en: i.definition_en });
      return `| \`${i.id}\` | ${cell(name)} | ${cell(definition)} | ${label(lang, "unit", i.unit)} | ${label(lang, "kind", i.kind)} | ${dims} | ${i.target_key ? `\`${i.target_key}\`` : "—"} | ${i.sources.join(", ")} |`;
    });
    return [head, "|---|---|---|---|---|---|---|---|", ...rows].join("\n");
  };
  return [
    "# Catalogue des indicateurs / Indicator catalogue",
    "",
    "<!-- Generated from src/mart/catalogue.json: npx tsx src/mart/write-catalogue-doc.ts (a test keeps it in step). -->",
    "",
    "Valeurs par pays et par mois dans `mart.indicators`, valeur de la phase à date dans `mart.indicators_phase`. Stock : niveau en fin de mois ; flux : ce qui s'est passé dans le mois.",
    "",
    table("fr"),
    "",
    "Values per country and month in `mart.indicators`, phase-to-date value in `mart.indicators_phase`. Stock: level at month end; flow: what happened in the month.",
    "",
    table("en"),
    "",
    "## Tables",
    "",
    "- `mart.indicators`: one row per country, month (`period`, first day), indicator and disaggregation (`''` total, `sex=F`, `level=primary`, `source=sheet`, `platform=national`); `target` is the pro-rata Cibles target on total rows, `target_status` `on_track`/`at_risk`/`off_track`, `denominator_year` the year of the teacher count a share divides by, `status` `approved` when the country approved the month in its sheet, else `provisional`. No value means nothing was received, never zero.",
    "- `mart.indicators_phase`: the phase-to-date value as of the last complete month, with the target then, the next milestone (`final_target`, `deadline`) and its status.",
    "- `mart.completeness`: per country, month and source (`national-csv`, `sheet`) whether the report was expected, received, and on time (by `deadline`).",
    "- `mart.trajectory`, `mart.usage_monthly`, `mart.national_monthly`, `mart.sheet_updates`, `mart.months`: the steps in between; `mart.build_info`: the `now` and last month the mart describes; `mart.indicator_catalogue`: this catalogue.",
    "",
    "## Goulets d'étranglement / Bottlenecks",
    "",
    "`mart.bottlenecks`, one SQL per rule in `src/mart/rules/`, thresholds in `pipelines/indicators.json`: " +
      RULES.map((r) => `\`${r}\``).join(", ") +
      ". Severity `low`/`medium`/`high` is a flag; `info` is a note that the rule could not be judged for lack of data (no target, no sheet rows, no usage), never a score of zero. " +
      "Sévérité `medium`/`high` : un signal ; `info` : la règle n'a pas pu être évaluée faute de données.",
    "",
    "| règle / rule | constat | finding | action recommandée | recommended action |",
    "|---|---|---|---|---|",
    ...RULES.map((r) => {
      const g = RULE_GUIDE[r];
      return `| \`${r}\` | ${cell(g.label_fr)} | ${cell(g.label_en)} | ${cell(g.action_fr)} | ${cell(g.action_en)} |`;
    }),
    "",
    "Each flag has an id (`ML/behind_trajectory/teachers_trained`, `TG/stale_data/national-csv`, `SN/overdue_activities`). `mart.flag_history` keeps one row per episode of a flag (first and last month found, month resolved) across builds, from `mart.flag_observations` (the flags of each month built); a flag's `since` is the first month of its episode, or the rule's own date when the history starts with it. `mart.rule_catalogue` holds the table above.",
    "",
  ].join("\n");
}
