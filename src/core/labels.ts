// The words for every code people see, in French and English, once. The warehouse keeps stable
// English codes; the dashboard, the donor exports, the sheets template, the command line and the
// messages all show them through this module, so a code reads the same wherever it appears.
// (What country teams may type for a code, its aliases, stays with the sheets: src/sources/sheets/codes.ts.)
import type { Lang } from "./lang.ts";
import type { Bilingual } from "./message.ts";
import { formatList } from "./format.ts";

export const LABELS = {
  /** An indicator's standing against its target trajectory (mart.indicators). */
  target_status: {
    on_track: { fr: "En bonne voie", en: "On track" },
    at_risk: { fr: "À surveiller", en: "At risk" },
    off_track: { fr: "En retard", en: "Off track" },
    no_data: { fr: "Pas de données", en: "No data" },
    no_target: { fr: "Sans cible", en: "No target" },
  },
  /** Whether the country validated the month in its sheet (Validation tab). */
  approval: {
    provisional: { fr: "Provisoire", en: "Provisional" },
    approved: { fr: "Validé", en: "Approved" },
  },
  level: {
    preschool: { fr: "Préscolaire", en: "Preschool" },
    primary: { fr: "Primaire", en: "Primary" },
    secondary: { fr: "Secondaire", en: "Secondary" },
  },
  modality: {
    in_person: { fr: "Présentiel", en: "In person" },
    remote: { fr: "À distance", en: "Remote" },
    hybrid: { fr: "Hybride", en: "Hybrid" },
  },
  /** As a group in a breakdown; the sheets take F and H (or M) as typed codes. */
  sex: {
    F: { fr: "Femmes", en: "Women" },
    M: { fr: "Hommes", en: "Men" },
  },
  resource_status: {
    in_production: { fr: "En production", en: "In production" },
    in_validation: { fr: "En validation", en: "In validation" },
    validated: { fr: "Validée", en: "Validated" },
    published: { fr: "Publiée", en: "Published" },
    rejected: { fr: "Rejetée", en: "Rejected" },
  },
  activity_status: {
    planned: { fr: "Prévue", en: "Planned" },
    in_progress: { fr: "En cours", en: "In progress" },
    done: { fr: "Réalisée", en: "Done" },
    postponed: { fr: "Reportée", en: "Postponed" },
    cancelled: { fr: "Annulée", en: "Cancelled" },
  },
  /** Who wrote a comment (Commentaires tab): a role, never a name, since comments are published. */
  author_role: {
    national_focal_point: { fr: "Point focal national", en: "National focal point" },
    country_team: { fr: "Équipe pays", en: "Country team" },
    monitoring_evaluation: { fr: "Suivi-évaluation", en: "Monitoring and evaluation" },
    regional_coordination: { fr: "Coordination régionale", en: "Regional coordination" },
    partner: { fr: "Partenaire", en: "Partner" },
  },
  /** How urgent a bottleneck flag is (mart.bottlenecks.severity). */
  severity: {
    high: { fr: "Élevée", en: "High" },
    medium: { fr: "Moyenne", en: "Medium" },
    low: { fr: "Faible", en: "Low" },
    info: { fr: "Information", en: "Information" },
  },
  /** Bottleneck rules (src/mart/rules/<id>.sql). */
  rule: {
    behind_trajectory: { fr: "En retard sur la trajectoire", en: "Behind target trajectory" },
    resources_stuck_in_validation: { fr: "Ressources bloquées en validation", en: "Resources stuck in validation" },
    trained_but_inactive: { fr: "Formés mais inactifs", en: "Trained but inactive" },
    falling_use: { fr: "Usage en baisse", en: "Falling use" },
    stale_data: { fr: "Données anciennes ou manquantes", en: "Stale or missing data" },
    overdue_activities: { fr: "Activités en retard", en: "Overdue activities" },
  },
  /** Plausibility rules (pipelines/plausibility.json): they warn, they never reject. */
  plausibility_rule: {
    participants_per_session: { fr: "Participants par session", en: "Participants per session" },
    participants_per_day: { fr: "Participants par jour de session", en: "Participants per session day" },
    monthly_jump: { fr: "Hausse brusque d'un mois à l'autre", en: "Sudden month-over-month rise" },
    sex_sum: { fr: "Femmes + hommes ≠ total", en: "Women + men ≠ total" },
    date_far_ahead: { fr: "Date très lointaine", en: "Date far ahead" },
  },
  /** How a batch ended (ops.loads.status). */
  load_status: {
    loaded: { fr: "Chargé", en: "Loaded" },
    loaded_with_rejects: { fr: "Chargé avec rejets", en: "Loaded with rejects" },
    skipped: { fr: "Inchangé", en: "Unchanged" },
    failed: { fr: "Échec", en: "Failed" },
  },
  /** The three dates of a source (ops.source_dates; DESIGN.md, "Dates of a source"). */
  source_date: {
    last_edited: { fr: "Dernière modification", en: "Last edited" },
    last_loaded: { fr: "Dernier chargement", en: "Last loaded" },
    latest_reported: { fr: "Dernière période déclarée", en: "Latest period reported" },
  },
  /** How a month's report counts for timeliness (mart.completeness). */
  report_timing: {
    on_time: { fr: "À temps", en: "On time" },
    late: { fr: "En retard", en: "Late" },
    backfill: { fr: "Historique chargé d'un coup", en: "Back-filled history" },
    missing: { fr: "Non reçu", en: "Not received" },
  },
  /** Where data came from (ops.loads.source, freshness and breakdowns by source). */
  source: {
    xapi: { fr: "Plateforme régionale (xAPI)", en: "Regional platform (xAPI)" },
    "regional-platform": { fr: "Plateforme régionale", en: "Regional platform" },
    "moodle-log": { fr: "Journaux Moodle", en: "Moodle logs" },
    "national-csv": { fr: "Plateforme nationale (CSV)", en: "National platform (CSV)" },
    sheet: { fr: "Feuille du pays", en: "Country sheet" },
    reference: { fr: "Données de référence", en: "Reference data" },
  },
  platform: {
    regional: { fr: "Régionale", en: "Regional" },
    national: { fr: "Nationale", en: "National" },
  },
  /** What an indicator is broken down by (`sex=F`, `level=primary`). */
  dimension: {
    sex: { fr: "Sexe", en: "Sex" },
    level: { fr: "Niveau", en: "Level" },
    source: { fr: "Source", en: "Source" },
    platform: { fr: "Plateforme", en: "Platform" },
    region: { fr: "Région", en: "Region" },
  },
  /** Units of the indicator catalogue. */
  unit: {
    count: { fr: "Nombre", en: "Count" },
    percent: { fr: "%", en: "%" },
    days: { fr: "Jours", en: "Days" },
    users: { fr: "Utilisateurs", en: "Users" },
  },
  /** How an indicator adds up over a period and over countries (catalogue `kind`). */
  kind: {
    stock: { fr: "Stock", en: "Stock" },
    flow: { fr: "Flux", en: "Flow" },
    distinct: { fr: "Personnes distinctes", en: "Distinct people" },
    rate: { fr: "Taux", en: "Rate" },
    median: { fr: "Médiane", en: "Median" },
  },
  /** What a kind of indicator gives for a period, in words (the export's definitions). */
  kind_rule: {
    stock: { fr: "Valeur à la fin de la période", en: "Value at the end of the period" },
    flow: { fr: "Somme sur la période", en: "Sum over the period" },
    distinct: { fr: "Personnes distinctes sur toute la période (jamais une somme de mois)", en: "Distinct people over the whole period (never a sum of months)" },
    rate: { fr: "Recalculé à partir du numérateur et du dénominateur additionnés sur la période", en: "Recomputed from the numerator and denominator summed over the period" },
    median: { fr: "Médiane sur tous les éléments de la période (jamais une médiane de médianes)", en: "Median over every item of the period (never a median of medians)" },
  },
  /** Whose figures a row gives: a country's (by its name), or every country together. */
  scope: {
    ALL: { fr: "Ensemble des pays", en: "All countries" },
  },
  /** The periods figures are given for (src/core/periods.ts). */
  period_type: {
    month: { fr: "Mois", en: "Month" },
    quarter: { fr: "Trimestre", en: "Quarter" },
    year: { fr: "Année", en: "Year" },
    phase: { fr: "Phase à date", en: "Phase to date" },
  },
  /** Where an indicator's data comes from, in plain words (catalogue `sources`). */
  dataset: {
    "core.trainers": { fr: "feuilles pays, onglet Formateurs", en: "country sheets, Formateurs tab" },
    "core.training_sessions": { fr: "feuilles pays, onglet Sessions", en: "country sheets, Sessions tab" },
    "core.resources": { fr: "feuilles pays, onglet Ressources", en: "country sheets, Ressources tab" },
    "core.resource_status_history": { fr: "feuilles pays, onglet Ressources (chaque statut relevé à chaque synchronisation)", en: "country sheets, Ressources tab (each status seen at every sync)" },
    "core.activities": { fr: "feuilles pays, onglet Activités", en: "country sheets, Activités tab" },
    "core.month_approvals": { fr: "feuilles pays, onglet Validation", en: "country sheets, Validation tab" },
    "core.targets": { fr: "feuille régionale, onglet Cibles", en: "regional sheet, Cibles tab" },
    "core.usage_events": { fr: "traces d'apprentissage de la plateforme régionale (xAPI, journaux Moodle)", en: "learning records of the regional platform (xAPI, Moodle logs)" },
    "core.national_usage": { fr: "exports des plateformes nationales", en: "national platform exports" },
    "core.countries": { fr: "effectifs d'enseignants de la Banque mondiale (référence des pays)", en: "World Bank teacher counts (country reference)" },
    "core.sheet_syncs": { fr: "dates de mise à jour des feuilles pays", en: "update dates of the country sheets" },
    "core.sheet_months": { fr: "mois dont rendent compte les feuilles pays, et date de leur première arrivée", en: "months the country sheets report on, and when each first arrived" },
    "ops.loads": { fr: "journal des chargements (date d'arrivée de chaque fichier ou feuille)", en: "load log (when each file or sheet arrived)" },
  },
  /** A yes/no answer, keyed by the boolean's text. */
  yes_no: {
    true: { fr: "Oui", en: "Yes" },
    false: { fr: "Non", en: "No" },
  },
} as const satisfies Record<string, Record<string, Bilingual>>;

export type Vocabulary = keyof typeof LABELS;
export type Code<V extends Vocabulary> = keyof (typeof LABELS)[V] & string;

/** Where no code is given. */
export const NO_CODE = "—";

/** The words for a code, or null when the vocabulary does not know it. */
export function labelOf(vocabulary: Vocabulary, code: string): Bilingual | null {
  const words = LABELS[vocabulary] as Record<string, Bilingual>;
  return Object.hasOwn(words, code) ? words[code]! : null;
}

/** A code in words; a code the vocabulary does not know is shown as it is rather than hidden. */
export function label(lang: Lang, vocabulary: Vocabulary, code: string | boolean | null | undefined): string {
  if (code === null || code === undefined || code === "") return NO_CODE;
  const text = String(code);
  return labelOf(vocabulary, text)?.[lang] ?? text;
}

/** The codes of a vocabulary, in the order they are listed (dropdowns, legends, funnels). */
export function codesOf<V extends Vocabulary>(vocabulary: V): Code<V>[] {
  return Object.keys(LABELS[vocabulary]) as Code<V>[];
}

/** Every label of a vocabulary in `lang`, in order. */
export function labelsOf(lang: Lang, vocabulary: Vocabulary): string[] {
  return codesOf(vocabulary).map((code) => label(lang, vocabulary, code));
}

/** The choices of a vocabulary in a sentence: `Préscolaire, Primaire ou Secondaire`. */
export function choicesOf(lang: Lang, vocabulary: Vocabulary): string {
  return formatList(lang, labelsOf(lang, vocabulary), "or");
}

/** A breakdown in words: `sex=F` → `Sexe : Femmes` / `Sex: Women`; none → `Total`. Parts joined by `, `. */
export function breakdownLabel(lang: Lang, disaggregation: string | null | undefined): string {
  if (!disaggregation) return lang === "fr" ? "Total" : "Total";
  return disaggregation
    .split(/[;,]/)
    .map((part) => {
      const [dimension = "", code = ""] = part.split("=");
      const vocabulary = Object.hasOwn(LABELS, dimension) && dimension !== "dimension" ? (dimension as Vocabulary) : null;
      const value = vocabulary ? label(lang, vocabulary, code) : code;
      return `${label(lang, "dimension", dimension)}${lang === "fr" ? " : " : ": "}${value}`;
    })
    .join(", ");
}
