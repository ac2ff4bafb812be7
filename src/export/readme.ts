import type { Lang } from "../core/lang.ts";
import { formatDate, formatMonth, formatTimestamp } from "../core/format.ts";
import { label } from "../core/labels.ts";

export interface ReadmeFacts {
  asOf: string;
  generatedAt: Date;
  version: string;
  lang: Lang;
  suppressBelow: number;
  phase: { start: Date; end: Date } | null;
  /** Months covered: the last month that ended on or before the as-of date. */
  lastMonth: string;
}

/** The Lisez-moi sheet and text file: what the snapshot is, how it was made, how to read it. */
export function readmeLines(f: ReadmeFacts): Array<[string, string]> {
  const asOf = formatDate(f.lang, f.asOf);
  const lastMonth = formatMonth(f.lang, f.lastMonth, "numeric");
  const phase = f.phase ? `${formatDate(f.lang, f.phase.start)} – ${formatDate(f.lang, f.phase.end)}` : "—";
  const approval = (code: "provisional" | "approved") => label(f.lang, "approval", code);
  const suppression = f.suppressBelow > 0;
  if (f.lang === "fr") {
    return [
      ["ImaginEcole", `Instantané des indicateurs au ${asOf}`],
      ["Date d'arrêt", asOf],
      ["Mois couverts", `de début de phase jusqu'au mois ${lastMonth} inclus (seuls les mois terminés à la date d'arrêt figurent)`],
      ["Phase", phase],
      ["Généré le", `${formatTimestamp(f.lang, f.generatedAt)} UTC`],
      ["Outil", `imaginecole ${f.version}`],
      ["Indicateurs", "Valeurs par pays et par mois, avec la cible de la trajectoire et la situation par rapport à elle."],
      ["Par pays", "Valeur de chaque indicateur depuis le début de la phase jusqu'à la date d'arrêt, cible et échéance."],
      ["Définitions", "Définition, unité et mode de cumul de chaque indicateur."],
      ["Qualité", "Rapports attendus et reçus par pays et source, mois manquants, lignes rejetées."],
      ["Provenance", "Dernier chargement de chaque source avant la date d'arrêt, avec l'empreinte SHA-256 du contenu lu."],
      ["Ressources", "Liste des ressources et de leur statut à la date d'arrêt."],
      ["PDF", "Impression de la vue d'ensemble et des pages pays du tableau de bord, tel qu'il a été construit à partir des mêmes données."],
      [
        "Petits effectifs",
        suppression
          ? `Dans les ventilations (sexe, niveau…), les effectifs inférieurs à ${f.suppressBelow} sont masqués (« < ${f.suppressBelow} »), ainsi qu'une case voisine lorsqu'elle permettrait de les retrouver.`
          : "Aucun effectif n'est masqué.",
      ],
      ["Statut des données", `« ${approval("provisional")} » tant que le pays n'a pas validé le mois dans sa feuille ; « ${approval("approved")} » ensuite.`],
      ["Données personnelles", "Aucune : ni nom, ni adresse, ni identifiant de personne."],
      ["Vérification", "manifest.json donne l'empreinte SHA-256 et la taille de chaque fichier ; les fichiers CSV, JSON et Parquet sont identiques octet par octet pour un même entrepôt et une même date d'arrêt."],
    ];
  }
  return [
    ["ImaginEcole", `Indicator snapshot as of ${asOf}`],
    ["As-of date", asOf],
    ["Months covered", `from the start of the phase up to and including ${lastMonth} (only months ended by the as-of date appear)`],
    ["Phase", phase],
    ["Generated", `${formatTimestamp(f.lang, f.generatedAt)} UTC`],
    ["Tool", `imaginecole ${f.version}`],
    ["Indicators", "Values per country and month, with the trajectory target and the standing against it."],
    ["By country", "Each indicator's value from the start of the phase to the as-of date, target and deadline."],
    ["Definitions", "Definition, unit and how each indicator adds up over time."],
    ["Quality", "Reports expected and received per country and source, missing months, rows rejected."],
    ["Provenance", "Each source's last load before the as-of date, with the SHA-256 of the content read."],
    ["Resources", "The resources and their status at the as-of date."],
    ["PDF", "Prints of the dashboard's overview and country pages, as built from the same data."],
    [
      "Small counts",
      suppression
        ? `In breakdowns (sex, level…), counts below ${f.suppressBelow} are suppressed ("< ${f.suppressBelow}"), and so is a neighbouring cell when it would give them away.`
        : "No count is suppressed.",
    ],
    ["Data status", `"${approval("provisional")}" until the country approves the month in its sheet; "${approval("approved")}" afterwards.`],
    ["Personal data", "None: no name, address or personal identifier."],
    ["Checking", "manifest.json gives each file's SHA-256 and size; the CSV, JSON and Parquet files are byte-identical for the same warehouse and as-of date."],
  ];
}
