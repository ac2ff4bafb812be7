// Every word of the dashboard's own pages, in French and English. Codes from the data (statuses,
// levels, severities…) are worded by src/core/labels.ts and numbers and dates by src/core/format.ts,
// the same modules the exports and the sheets use, imported as `imaginecole/core`.
import { fill, pick, type Bilingual, type Lang } from "imaginecole/core";

const MESSAGES = {
  "site.title": { fr: "ImaginEcole — indicateurs", en: "ImaginEcole — indicators" },
  "site.switch": { fr: "English", en: "Français" },
  "site.switchLabel": { fr: "Read this page in English", en: "Lire cette page en français" },
  "site.printStamp": { fr: "Tableau de bord ImaginEcole, version du {day} à {time} (UTC).", en: "ImaginEcole dashboard, version of {day} at {time} (UTC)." },
  "site.skip": { fr: "Aller au contenu", en: "Skip to content" },
  "site.menu": { fr: "Menu", en: "Menu" },
  "site.nav": { fr: "Pages du tableau de bord", en: "Dashboard pages" },
  "site.footer": {
    fr: "Données : entrepôt ImaginEcole (UNESCO Dakar). Chiffres provisoires sauf mention « {approved} ».",
    en: "Data: ImaginEcole warehouse (UNESCO Dakar). Figures are provisional unless marked “{approved}”.",
  },

  "nav.overview": { fr: "Vue d'ensemble", en: "Overview" },
  "nav.bottlenecks": { fr: "Goulots d'étranglement", en: "Bottlenecks" },
  "nav.training": { fr: "Formation", en: "Training" },
  "nav.resources": { fr: "Ressources", en: "Resources" },
  "nav.adoption": { fr: "Adoption", en: "Adoption" },
  "nav.quality": { fr: "Qualité des données", en: "Data quality" },
  "nav.snapshots": { fr: "Instantanés", en: "Snapshots" },
  "nav.countries": { fr: "Pays", en: "Countries" },

  "common.country": { fr: "Pays", en: "Country" },
  "common.month": { fr: "Mois", en: "Month" },
  "common.value": { fr: "Valeur", en: "Value" },
  "common.target": { fr: "Cible", en: "Target" },
  "common.trajectory": { fr: "Trajectoire de la cible", en: "Target trajectory" },
  "common.status": { fr: "Statut", en: "Status" },
  "common.total": { fr: "Total", en: "Total" },
  "common.noData": { fr: "Pas de données", en: "No data" },
  "common.none": { fr: "Aucun", en: "None" },
  "common.asOf": { fr: "Situation au {date}", en: "As of {date}" },
  "common.showTable": { fr: "Voir les données", en: "Show the data" },
  "common.downloadCsv": { fr: "Télécharger ces données (CSV)", en: "Download this data (CSV)" },
  "common.sortBy": { fr: "Trier par {column}", en: "Sort by {column}" },
  "period.label": { fr: "Période affichée", en: "Period shown" },
  "period.latest": { fr: "Dernier mois connu", en: "Latest known month" },
  "overview.tableNotePeriod": {
    fr: "Valeur de la période ({period}) / cible attendue à sa fin, et sa part de la cible ; un indicateur cumulé est compté depuis le début de la phase. ▼ marque une valeur en retard ou à surveiller.",
    en: "Value for the period ({period}) / target expected at its end, and its share of the target; a cumulative indicator is counted from the phase start. ▼ marks a value off track or at risk.",
  },
  "common.vsPrevious": { fr: "{delta} par rapport au mois précédent", en: "{delta} on the previous month" },
  "common.reporting": { fr: "{n} pays sur {total} ont des données", en: "{n} of {total} countries reporting" },
  "common.ofTarget": { fr: "{share} de la cible ({target})", en: "{share} of target ({target})" },
  "common.noTarget": { fr: "Pas de cible fixée", en: "No target set" },
  "common.level": { fr: "Niveau", en: "Level" },
  "common.source": { fr: "Source", en: "Source" },
  "common.title": { fr: "Titre", en: "Title" },
  "common.overallStatus": { fr: "Situation d'ensemble", en: "Overall status" },
  "common.freshness": {
    fr: "Données au {date} · mises à jour le {day} à {time} (UTC)",
    en: "Data as of {date} · updated on {day} at {time} (UTC)",
  },
  "common.phaseTarget": { fr: "Cible de la phase : {target} d'ici le {date}", en: "Phase target: {target} by {date}" },

  "overview.title": { fr: "Vue d'ensemble", en: "Overview" },
  "overview.lede": {
    fr: "Adoption d'ImaginEcole dans les pays membres, par rapport aux cibles.",
    en: "ImaginEcole adoption in the member countries, against targets.",
  },
  "overview.behind": { fr: "{n} pays sur {total} en retard ou à surveiller : {list}.", en: "{n} of {total} countries behind or at risk: {list}." },
  "overview.allOnTrack": { fr: "Les {total} pays sont en bonne voie.", en: "All {total} countries are on track." },
  "overview.withoutData": { fr: "Sans données : {list}.", en: "No data: {list}." },
  "overview.statusRule": {
    fr: "Situation d'ensemble d'un pays : la moins bonne de ses indicateurs par rapport à leur trajectoire (en bonne voie à partir de {onTrack} de la trajectoire, à surveiller à partir de {atRisk}, en retard en dessous) ; sans cible, ses goulots en tiennent lieu (gravité élevée : en retard, moyenne : à surveiller).",
    en: "A country's overall status is the worst of its indicators against their trajectory (on track from {onTrack} of the trajectory, at risk from {atRisk}, off track below); with no target, its bottlenecks stand in (high severity: off track, medium: at risk).",
  },
  "overview.map": { fr: "Carte des pays membres", en: "Map of the member countries" },
  "overview.mapAlt": {
    fr: "Carte de l'Afrique de l'Ouest et du Centre ; chaque pays membre est coloré selon sa situation. Le tableau ci-dessous donne les mêmes informations.",
    en: "Map of West and Central Africa; each member country is coloured by its status. The table below gives the same information.",
  },
  "overview.cards": { fr: "Indicateurs clés (tous pays)", en: "Key indicators (all countries)" },
  "overview.table": { fr: "Pays membres", en: "Member countries" },
  "overview.tableNote": {
    fr: "Dernière valeur connue / cible attendue à ce jour, et sa part de la cible ; ▼ marque une valeur en retard ou à surveiller. Cliquez sur un en-tête pour trier.",
    en: "Latest known value / target expected by now, and its share of the target; ▼ marks a value off track or at risk. Click a header to sort.",
  },

  "country.activities": { fr: "Activités en cours ou en retard", en: "Open or overdue activities" },
  "country.activity": { fr: "Activité", en: "Activity" },
  "country.due": { fr: "Échéance", en: "Due" },
  "country.definitions": { fr: "Définitions", en: "Definitions" },
  "country.denominator": { fr: "enseignants {year}", en: "{year} teachers" },
  "country.breakdown": { fr: "Ventilation", en: "Breakdown" },
  "country.unknown": {
    fr: "Ce pays figure dans les données de référence mais l'entrepôt n'a encore rien pour lui.",
    en: "This country is in the reference data but the warehouse holds nothing for it yet.",
  },
  "common.targetStatus": { fr: "Par rapport à la cible", en: "Against target" },
  "common.validation": { fr: "Validation", en: "Validation" },

  "bottlenecks.severity": { fr: "Gravité", en: "Severity" },

  "country.lede": {
    fr: "{country} : tous les indicateurs, leur tendance et leur cible.",
    en: "{country}: every indicator, with its trend and target.",
  },
  "country.sections": { fr: "Sur cette page", en: "On this page" },
  "country.indicators": { fr: "Indicateurs", en: "Indicators" },
  "country.latest": { fr: "Dernière valeur", en: "Latest value" },
  "country.period": { fr: "Période", en: "Period" },
  "country.disaggregations": { fr: "Ventilations", en: "Breakdowns" },
  "country.bottlenecks": { fr: "Goulots d'étranglement", en: "Bottlenecks" },
  "country.freshness": { fr: "Fraîcheur des données", en: "Data freshness" },
  "country.rejects": { fr: "Lignes rejetées", en: "Rejected rows" },
  "country.noBottleneck": { fr: "Aucun goulot signalé.", en: "No bottleneck flagged." },
  "country.comments": { fr: "Commentaires du pays sur ses chiffres", en: "The country's comments on its figures" },
  "role.national_focal_point": { fr: "Point focal national", en: "National focal point" },
  "role.country_team": { fr: "Équipe pays", en: "Country team" },
  "role.monitoring_evaluation": { fr: "Suivi-évaluation", en: "Monitoring and evaluation" },
  "role.regional_coordination": { fr: "Coordination régionale", en: "Regional coordination" },
  "role.partner": { fr: "Partenaire", en: "Partner" },
  "country.teachers": {
    fr: "Enseignants : {primary} au primaire ({primaryYear}), {secondary} au secondaire ({secondaryYear}).",
    en: "Teachers: {primary} primary ({primaryYear}), {secondary} secondary ({secondaryYear}).",
  },

  "bottlenecks.title": { fr: "Goulots d'étranglement", en: "Bottlenecks" },
  "bottlenecks.lede": {
    fr: "Les règles qui signalent un pays en difficulté, et pourquoi.",
    en: "The rules that flag a country in difficulty, and why.",
  },
  "bottlenecks.matrix": { fr: "Pays × règle", en: "Country × rule" },
  "bottlenecks.flags": { fr: "Tous les signalements, du plus grave au moins grave", en: "Every flag, most severe first" },
  "bottlenecks.evidence": { fr: "Voir les chiffres", en: "See the figures" },
  "bottlenecks.rules": { fr: "Règles, seuils et actions recommandées", en: "Rules, thresholds and recommended actions" },
  "bottlenecks.threshold": { fr: "Seuil :", en: "Threshold:" },
  "bottlenecks.action": { fr: "Action recommandée :", en: "Recommended action:" },
  "bottlenecks.flagCount": { fr: "({n} signalement(s))", en: "({n} flag(s))" },
  "bottlenecks.rule": { fr: "Règle", en: "Rule" },
  "bottlenecks.since": { fr: "Depuis", en: "Since" },
  "bottlenecks.message": { fr: "Constat", en: "Finding" },
  "bottlenecks.none": { fr: "Aucun goulot signalé.", en: "No bottleneck flagged." },

  "training.title": { fr: "Formation", en: "Training" },
  "training.lede": {
    fr: "Formateurs formés et certifiés, et enseignants formés en cascade.",
    en: "Trainers trained and certified, and teachers trained through the cascade.",
  },
  "training.trainers": { fr: "Formateurs par pays", en: "Trainers by country" },
  "training.trained": { fr: "Formés", en: "Trained" },
  "training.certified": { fr: "Certifiés", en: "Certified" },
  "training.cascade": { fr: "Enseignants formés en cascade, par mois", en: "Teachers trained through the cascade, by month" },
  "training.byLevel": { fr: "Enseignants formés par niveau", en: "Teachers trained by level" },
  "training.share": { fr: "Part des enseignants du pays", en: "Share of the country's teachers" },

  "resources.title": { fr: "Ressources", en: "Resources" },
  "resources.lede": {
    fr: "De la production à la publication : où en sont les ressources locales.",
    en: "From production to publication: where local resources stand.",
  },
  "resources.funnel": { fr: "Entonnoir (tous pays)", en: "Funnel (all countries)" },
  "resources.byCountry": { fr: "Par pays et statut", en: "By country and status" },
  "resources.byDiscipline": { fr: "Par discipline et niveau", en: "By discipline and level" },
  "resources.leadTime": { fr: "Délai de publication (jours, médiane)", en: "Publication lead time (days, median)" },
  "resources.discipline": { fr: "Discipline", en: "Discipline" },
  "resources.reached": { fr: "Ont atteint cette étape", en: "Reached this stage" },

  "adoption.title": { fr: "Adoption", en: "Adoption" },
  "adoption.lede": {
    fr: "Utilisateurs actifs sur la plateforme régionale et les plateformes nationales, pour 1 000 enseignants.",
    en: "Active users on the regional platform and the national platforms, per 1,000 teachers.",
  },
  "adoption.per1000": { fr: "Utilisateurs actifs pour 1 000 enseignants (dernier mois)", en: "Active users per 1,000 teachers (latest month)" },
  "adoption.trend": { fr: "Utilisateurs actifs par mois", en: "Active users by month" },
  "adoption.regional": { fr: "Plateforme régionale", en: "Regional platform" },
  "adoption.national": { fr: "Plateformes nationales", en: "National platforms" },
  "adoption.platform": { fr: "Plateforme", en: "Platform" },
  "adoption.users": { fr: "Utilisateurs actifs", en: "Active users" },
  "adoption.teachers": { fr: "Enseignants", en: "Teachers" },
  "adoption.rate": { fr: "Pour 1 000 enseignants", en: "Per 1,000 teachers" },

  "quality.title": { fr: "Qualité des données", en: "Data quality" },
  "quality.lede": {
    fr: "Ce qui est arrivé, quand, et ce que le pipeline a refusé — à la cellule près.",
    en: "What arrived, when, and what the pipeline refused — down to the cell.",
  },
  "quality.lastLoads": { fr: "Dernier chargement par source et pays", en: "Last load by source and country" },
  "quality.heatmap": { fr: "Complétude et ponctualité par pays et mois", en: "Completeness and timeliness by country and month" },
  "quality.completeness": { fr: "Complétude", en: "Completeness" },
  "quality.timeliness": { fr: "Ponctualité", en: "Timeliness" },
  "quality.rejects": { fr: "Rejets", en: "Rejects" },
  "quality.rejectsShown": {
    fr: "{shown} rejets les plus récents sur {total}.",
    en: "{shown} most recent rejects out of {total}.",
  },
  "quality.location": { fr: "Emplacement", en: "Location" },
  "quality.column": { fr: "Colonne", en: "Column" },
  "quality.cell": { fr: "Valeur", en: "Value" },
  "quality.reason": { fr: "Motif", en: "Reason" },
  "quality.finished": { fr: "Terminé le", en: "Finished" },
  "quality.rowsRead": { fr: "Lues", en: "Read" },
  "quality.rowsLoaded": { fr: "Chargées", en: "Loaded" },
  "quality.rowsRejected": { fr: "Rejetées", en: "Rejected" },
  "quality.noRejects": { fr: "Aucun rejet.", en: "No rejects." },
  "quality.goTo": { fr: "Aller au pays :", en: "Go to country:" },
  "quality.dates": { fr: "Dates des sources", en: "Dates of the sources" },
  "quality.datesNote": {
    fr: "Dernière modification : quand la feuille ou le fichier a été modifié pour la dernière fois. Dernier chargement : quand son contenu actuel est arrivé dans l'entrepôt. Dernière période déclarée : le jour le plus récent que les données décrivent (une échéance à venir ne compte pas).",
    en: "Last edited: when the sheet or file was last changed. Last loaded: when its current content reached the warehouse. Latest period reported: the most recent day the data describes (a due date ahead does not count).",
  },
  "quality.tabs": { fr: "Dernier chargement par onglet ou fichier", en: "Last load by tab or file" },
  "quality.notLoaded": { fr: "Non chargées", en: "Not loaded" },
  "quality.why": { fr: "Pourquoi", en: "Why" },
  "quality.gapProblems": { fr: "{n} avec un problème (voir les rejets)", en: "{n} with a problem (see the rejects)" },
  "quality.gapOther.sheet": { fr: "{n} ligne(s) vide(s) ou en double", en: "{n} empty or repeated row(s)" },
  "quality.gapOther.national-csv": { fr: "{n} ligne(s) de total ou jour(s) déjà reçu(s)", en: "{n} total row(s) or day(s) already received" },
  "quality.gapOther.usage": { fr: "{n} déclaration(s) en double, déjà reçue(s) ou annulée(s)", en: "{n} statement(s) repeated, already received or voided" },
  "quality.countryRejects": { fr: "Rejets à corriger", en: "Rejects to fix" },
  "quality.rejectsOf": { fr: "{shown} rejet(s) listé(s) sur {total}.", en: "{shown} reject(s) listed out of {total}." },
  "quality.openCell": { fr: "ouvrir la cellule", en: "open the cell" },
  "quality.noCountry": { fr: "Sans pays (fichiers de la plateforme régionale)", en: "No country (regional platform files)" },
  "quality.backfillNote": {
    fr: "Les mois de l'historique chargé d'un coup au premier chargement ne sont ni à temps ni en retard : ils restent vides sur la carte de ponctualité.",
    en: "Months of the history loaded at once by a first load are neither on time nor late: they are left blank on the timeliness map.",
  },
  "quality.file": { fr: "Fichier ou onglet", en: "File or tab" },

  "snapshots.title": { fr: "Instantanés pour les bailleurs", en: "Donor snapshots" },
  "snapshots.lede": {
    fr: "Extractions datées et reproductibles des indicateurs, à télécharger.",
    en: "Dated, reproducible extracts of the indicators, to download.",
  },
  "snapshots.empty": {
    fr: "Aucun instantané publié pour l'instant. L'équipe de suivi-évaluation en publie un ici à chaque clôture de mois ; écrivez-lui si vous en attendez un.",
    en: "No snapshot published yet. The monitoring and evaluation team publishes one here when each month closes; write to them if you are expecting one.",
  },
  "snapshots.asOf": { fr: "Date de référence", en: "As of" },
  "snapshots.created": { fr: "Créé le", en: "Created" },
  "snapshots.kilobytes": { fr: "Ko", en: "KB" },
} satisfies Record<string, Bilingual>;

export type MessageKey = keyof typeof MESSAGES;

/** A translated message; `{name}` placeholders are filled from `vars`. */
export function t(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return fill(pick(lang, MESSAGES[key]), vars);
}

export interface CatalogueEntry {
  indicator_id: string;
  label_fr: string;
  label_en: string;
  definition_fr?: string;
  definition_en?: string;
  unit?: string;
}

/** The indicator's label from the warehouse catalogue (mart.indicator_catalogue), else its id. */
export function indicatorLabel(lang: Lang, id: string, catalogue: CatalogueEntry[] = []): string {
  const entry = catalogue.find((c) => c.indicator_id === id);
  return entry ? pick(lang, { fr: entry.label_fr, en: entry.label_en }) : id;
}

export interface CountryNames {
  country_code: string;
  name_fr: string;
  name_en: string;
}

export function countryName(lang: Lang, country: CountryNames | undefined, code = ""): string {
  if (!country) return code;
  return pick(lang, { fr: country.name_fr, en: country.name_en });
}

/** The dashboard's pages in menu order: slug under /<lang>/ and the label key. */
export const PAGES = [
  { slug: "", key: "nav.overview" },
  { slug: "goulots", key: "nav.bottlenecks" },
  { slug: "formation", key: "nav.training" },
  { slug: "ressources", key: "nav.resources" },
  { slug: "adoption", key: "nav.adoption" },
  { slug: "qualite", key: "nav.quality" },
  { slug: "snapshots", key: "nav.snapshots" },
] as const satisfies readonly { slug: string; key: MessageKey }[];
