import type { Lang } from "../core/lang.ts";
import { formatDate, formatMonth, formatPeriod, formatTimestamp } from "../core/format.ts";
import { codesOf, label } from "../core/labels.ts";
import { lastDayOfMonth } from "../core/periods.ts";
import { say } from "../core/message.ts";
import type { Citation } from "./citation.ts";
import { SCOPE_RULE, type SnapshotScope } from "./scope.ts";

export interface ReadmeFacts {
  scope: SnapshotScope;
  citation: Citation;
  generatedAt: Date;
  version: string;
  lang: Lang;
  suppressBelow: number;
  phase: { start: Date; end: Date } | null;
}

/** The Lisez-moi sheet and text file: what the snapshot is, how it was made, how to read and cite it. */
export function readmeLines(f: ReadmeFacts): Array<[string, string]> {
  const { scope, lang } = f;
  const asOf = formatDate(lang, scope.asOf);
  const lastMonth = formatMonth(lang, scope.lastMonth, "numeric");
  const period = formatPeriod(lang, scope.period, scope.period === "phase" ? lastDayOfMonth(Number(scope.lastMonth.slice(0, 4)), Number(scope.lastMonth.slice(5, 7))) : null);
  const phase = f.phase ? `${formatDate(lang, f.phase.start)} – ${formatDate(lang, f.phase.end)}` : "—";
  const approval = (code: "provisional" | "approved") => label(lang, "approval", code);
  const colon = say(lang, { fr: " : ", en: ": " });
  const kinds = codesOf("kind")
    .map((k) => `${label(lang, "kind", k)}${colon}${label(lang, "kind_rule", k).toLowerCase()}`)
    .join(say(lang, { fr: " ; ", en: "; " }));
  const suppression = f.suppressBelow > 0;
  if (lang === "fr") {
    return [
      ["Citation", f.citation.text.fr],
      ["ImaginEcole", `Instantané des indicateurs : ${period}`],
      ["Période", period],
      ["Date d'arrêt", asOf],
      ["Mois couverts", `du début de la phase au mois ${lastMonth} inclus`],
      ["Règle", SCOPE_RULE.fr],
      ["Phase", phase],
      ["Chiffres produits le", formatDate(lang, f.citation.produced)],
      ["Fichiers écrits le", `${formatTimestamp(lang, f.generatedAt)} UTC`],
      ["Outil", `imaginecole ${f.version}`],
      ["Chiffres", "Les chiffres de la période, par pays et pour l'ensemble des pays, par ventilation : valeur de la période, cumul depuis le début de la phase, cibles (trajectoire en fin de période, cible de l'année et de la phase telles que données), valeur de référence."],
      ["Toutes les périodes", "Les mêmes chiffres pour chaque mois, trimestre et année terminés, et pour la phase à date."],
      ["Périodes", `Un trimestre ou une année ne compte que ses mois compris dans la phase. ${kinds}.`],
      ["Ensemble des pays", "Selon les mêmes règles : une personne active dans deux pays ou deux mois compte une fois ; un taux est recalculé à partir des sommes ; les cibles s'additionnent quand chaque pays en a une."],
      ["Précision", "Chaque chiffre est arrondi à la précision de l'indicateur (personnes et nombres entiers, pourcentages à une décimale) ; les mêmes données donnent les mêmes octets."],
      ["Définitions", "Définition en clair, unité, précision, nature et sources de chaque indicateur."],
      ["Qualité", "Rapports attendus et reçus par pays et source, mois manquants, lignes rejetées : les mêmes rapports que les indicateurs de complétude et de ponctualité."],
      ["Provenance", "Chaque chargement dont les données sont utilisées, avec sa date et l'empreinte SHA-256 du contenu lu."],
      ["Ressources", "Liste des ressources et de leur statut à la date d'arrêt."],
      ["PDF", "Rapport pour les bailleurs composé à partir des mêmes chiffres : chiffres clés, tableau par pays, définitions, citation."],
      ["IATI", "Fichier d'activité IATI 2.03 : résultats, indicateurs, valeur de référence, périodes, cibles et valeurs par pays."],
      [
        "Petits effectifs",
        suppression
          ? `Dans les ventilations (sexe, niveau, région…), les effectifs inférieurs à ${f.suppressBelow} sont masqués (« < ${f.suppressBelow} »), ainsi qu'une case voisine lorsqu'elle permettrait de les retrouver.`
          : "Aucun effectif n'est masqué.",
      ],
      ["Statut des données", `« ${approval("provisional")} » tant que le pays n'a pas validé chaque mois du chiffre dans sa feuille ; « ${approval("approved")} » ensuite.`],
      ["Données personnelles", "Aucune : ni nom, ni adresse, ni identifiant de personne."],
      ["Vérification", "manifest.json donne l'empreinte SHA-256 et la taille de chaque fichier, et content_sha256, l'empreinte citée : le SHA-256 du fichier JSON sans son champ citation. Les fichiers CSV, JSON et Parquet sont identiques octet par octet pour un même entrepôt et une même période."],
    ];
  }
  return [
    ["Citation", f.citation.text.en],
    ["ImaginEcole", `Indicator snapshot: ${period}`],
    ["Period", period],
    ["As-of date", asOf],
    ["Months covered", `from the start of the phase up to and including ${lastMonth}`],
    ["Rule", SCOPE_RULE.en],
    ["Phase", phase],
    ["Figures produced", formatDate(lang, f.citation.produced)],
    ["Files written", `${formatTimestamp(lang, f.generatedAt)} UTC`],
    ["Tool", `imaginecole ${f.version}`],
    ["Figures", "The period's figures, per country and for all countries, per breakdown: value for the period, running total since the phase start, targets (trajectory at the period end, annual and phase targets as given), baseline."],
    ["All periods", "The same figures for each month, quarter and year that has ended, and for the phase to date."],
    ["Periods", `A quarter or a year counts only its months within the phase. ${kinds}.`],
    ["All countries", "By the same rules: someone active in two countries or two months counts once; a rate is recomputed from the sums; targets add up when every country has one."],
    ["Precision", "Every figure is rounded to the indicator's precision (people and counts whole, percentages to one decimal); the same data give the same bytes."],
    ["Definitions", "Plain-language definition, unit, precision, kind and sources of each indicator."],
    ["Quality", "Reports expected and received per country and source, missing months, rows rejected: the same reports as the completeness and timeliness indicators."],
    ["Provenance", "Every load whose data are used, with its date and the SHA-256 of the content read."],
    ["Resources", "The resources and their status at the as-of date."],
    ["PDF", "A donor report made from the same figures: key figures, table per country, definitions, citation."],
    ["IATI", "IATI 2.03 activity file: results, indicators, baseline, periods, targets and values per country."],
    [
      "Small counts",
      suppression
        ? `In breakdowns (sex, level, region…), counts below ${f.suppressBelow} are suppressed ("< ${f.suppressBelow}"), and so is a neighbouring cell when it would give them away.`
        : "No count is suppressed.",
    ],
    ["Data status", `"${approval("provisional")}" until the country approves every month of the figure in its sheet; "${approval("approved")}" afterwards.`],
    ["Personal data", "None: no name, address or personal identifier."],
    ["Checking", "manifest.json gives each file's SHA-256 and size, and content_sha256, the hash cited: the SHA-256 of the JSON file without its citation field. The CSV, JSON and Parquet files are byte-identical for the same warehouse and period."],
  ];
}

/** The read-me as a text file: one `key: value` line each, CRLF, with a byte-order mark for Notepad. */
export function readmeText(lang: Lang, lines: Array<[string, string]>): string {
  const colon = say(lang, { fr: " : ", en: ": " });
  return "\uFEFF" + lines.map(([k, v]) => k + colon + v).join("\r\n") + "\r\n";
}
