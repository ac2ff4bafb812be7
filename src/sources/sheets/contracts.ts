import { choicesOf, type Vocabulary } from "../../core/labels.ts";
import { inBoth, type Bilingual } from "../../core/message.ts";
import type { CodeListName } from "./codes.ts";
import { normaliseLabel } from "./normalise.ts";

export type ColumnType =
  | { kind: "id" }
  | { kind: "text" }
  /** A web address, http or https only: it becomes a link on the site and in exports. */
  | { kind: "link" }
  /** `past`: the date of something that already happened, so not after today. */
  | { kind: "date"; past?: boolean }
  | { kind: "month" }
  | { kind: "bool" }
  | { kind: "sex" }
  | { kind: "count" }
  | { kind: "number" }
  | { kind: "code"; list: CodeListName }
  | { kind: "country" }
  | { kind: "indicator" }
  /** What a comment is about: an indicator, a finding (rule), a flag id, or the month in general. */
  | { kind: "subject" }
  /** Personal data nobody needs downstream: read past, never stored. */
  | { kind: "personal" }
  /** Personal data needed as a key: stored as ctx.keyer(value). */
  | { kind: "pseudonym" };

export interface ColumnContract {
  /** The warehouse column it fills (ignored for personal columns). */
  key: string;
  /** The header of the template, as country teams see it. */
  header: string;
  /** Other spellings accepted, French and English; compared after normaliseLabel. */
  aliases: string[];
  type: ColumnType;
  required: boolean;
  /** One line for the Lisez-moi tab, French and English. */
  help: Bilingual;
  /**
   * Sentences typed by hand, which may hold a name, an e-mail or a phone number. `public`: the
   * template tells teams it is published, and the site and the note show it; `private`: kept in
   * the warehouse for the staff who query it, never in the site's data or the exports.
   */
  freeText?: "public" | "private";
}

export type TabKey = "trainers" | "sessions" | "resources" | "activities" | "approvals" | "targets" | "comments";

export interface TabContract {
  key: TabKey;
  /** Tab title in the template. */
  title: string;
  titleAliases: string[];
  /** Country tabs live in each country's spreadsheet; Cibles in the regional one; Commentaires in both. */
  scope: "country" | "regional" | "both";
  /** Optional tabs may be absent without complaint. */
  optional: boolean;
  table: string;
  columns: ColumnContract[];
}

const col = (
  key: string, header: string, aliases: string[], type: ColumnType, required: boolean, help: Bilingual,
): ColumnContract => ({ key, header, aliases, type, required, help });

/** A column of sentences typed by hand, and whether it may be published (see ColumnContract.freeText). */
const freeText = (column: ColumnContract, visibility: "public" | "private"): ColumnContract => ({ ...column, freeText: visibility });

/** The help of a coded column: its choices, worded as everywhere else. */
const choices = (list: Vocabulary): Bilingual => inBoth((lang) => `${choicesOf(lang, list)}.`);

export const TAB_CONTRACTS: TabContract[] = [
  {
    key: "trainers", title: "Formateurs", titleAliases: ["Formateur", "Trainers", "Formatrices et formateurs"],
    scope: "country", optional: false, table: "core.trainers",
    columns: [
      col("trainer_id", "ID formateur", ["Identifiant formateur", "ID", "Code formateur", "N° formateur", "Trainer ID"], { kind: "id" }, true,
        { fr: "Identifiant unique du formateur (ex. SN-F-001). Ne jamais le réutiliser.", en: "Unique trainer id (e.g. SN-F-001). Never reuse it." }),
      col("name", "Nom", ["Nom complet", "Nom et prénom", "Nom et prénoms", "Prénom et nom", "Prénoms et nom", "Prénom", "Prénoms", "Name", "Full name"], { kind: "personal" }, false,
        { fr: "Pour votre équipe seulement : le nom n'est jamais copié dans l'entrepôt.", en: "For your team only: the name is never copied to the warehouse." }),
      col("sex", "Sexe", ["Genre", "Sex", "Gender"], { kind: "sex" }, true,
        { fr: "F (femme) ou H (homme).", en: "F (woman) or H/M (man)." }),
      col("region", "Région", ["Region", "Province", "Zone"], { kind: "text" }, false,
        { fr: "Région administrative.", en: "Administrative region." }),
      col("role", "Fonction", ["Poste", "Role", "Position", "Function"], { kind: "text" }, false,
        { fr: "Fonction du formateur (inspecteur, conseiller pédagogique…).", en: "Trainer's role (inspector, pedagogical adviser…)." }),
      col("trained_on", "Date de formation", ["Date formation", "Formé le", "Training date", "Date trained"], { kind: "date", past: true }, true,
        { fr: "Date à laquelle le formateur a été formé (jj/mm/aaaa).", en: "Date the trainer was trained (dd/mm/yyyy)." }),
      col("certified", "Certifié", ["Certifiée", "Certification", "Certified"], { kind: "bool" }, false,
        choices("yes_no")),
    ],
  },
  {
    key: "sessions", title: "Sessions", titleAliases: ["Session", "Sessions de formation", "Training sessions"],
    scope: "country", optional: false, table: "core.training_sessions",
    columns: [
      col("session_id", "ID session", ["Identifiant session", "Code session", "N° session", "Session ID"], { kind: "id" }, true,
        { fr: "Identifiant unique de la session.", en: "Unique session id." }),
      col("trainer_id", "ID formateur", ["Identifiant formateur", "Formateur", "Code formateur", "Trainer ID", "Trainer"], { kind: "id" }, true,
        { fr: "Identifiant du formateur, tel qu'il figure dans l'onglet Formateurs.", en: "Trainer id, as in the Formateurs tab." }),
      col("start_date", "Date de début", ["Début", "Date début", "Du", "Start date", "Start"], { kind: "date", past: true }, true,
        { fr: "Premier jour de la session (jj/mm/aaaa).", en: "First day of the session (dd/mm/yyyy)." }),
      col("end_date", "Date de fin", ["Fin", "Date fin", "Au", "End date", "End"], { kind: "date", past: true }, true,
        { fr: "Dernier jour de la session, au plus tôt le jour du début.", en: "Last day of the session, not before the start." }),
      col("region", "Région", ["Region", "Province", "Zone"], { kind: "text" }, false,
        { fr: "Région où la session a eu lieu.", en: "Region where the session took place." }),
      col("level", "Niveau", ["Niveau d'enseignement", "Cycle", "Level"], { kind: "code", list: "level" }, true,
        choices("level")),
      col("modality", "Modalité", ["Mode", "Format", "Modality", "Mode de formation"], { kind: "code", list: "modality" }, true,
        choices("modality")),
      col("teachers_trained_f", "Enseignants formés (F)", ["Enseignantes formées", "Enseignants formés F", "Femmes formées", "Nb F", "Teachers trained (F)", "Female teachers trained"], { kind: "count" }, true,
        { fr: "Nombre d'enseignantes formées (nombre entier, 0 si aucune).", en: "Number of women teachers trained (whole number, 0 if none)." }),
      col("teachers_trained_m", "Enseignants formés (H)", ["Enseignants formés H", "Enseignants formés (M)", "Hommes formés", "Nb H", "Teachers trained (M)", "Male teachers trained"], { kind: "count" }, true,
        { fr: "Nombre d'enseignants hommes formés (nombre entier, 0 si aucun).", en: "Number of men teachers trained (whole number, 0 if none)." }),
      col("teachers_trained_total", "Enseignants formés (total)", ["Total formés", "Total enseignants formés", "Total", "Teachers trained (total)", "Total teachers trained"], { kind: "count" }, false,
        { fr: "Facultatif : le total, s'il est compté à part ; il doit égaler F + H (sinon une alerte le signale).", en: "Optional: the total, if counted separately; it should equal F + M (a warning says when it does not)." }),
    ],
  },
  {
    key: "resources", title: "Ressources", titleAliases: ["Ressource", "Resources"],
    scope: "country", optional: false, table: "core.resources",
    columns: [
      col("resource_id", "ID ressource", ["Identifiant ressource", "Code ressource", "N° ressource", "Resource ID"], { kind: "id" }, true,
        { fr: "Identifiant unique de la ressource.", en: "Unique resource id." }),
      col("title", "Titre", ["Intitulé", "Nom de la ressource", "Title"], { kind: "text" }, true,
        { fr: "Titre de la ressource.", en: "Resource title." }),
      col("discipline", "Discipline", ["Matière", "Subject"], { kind: "text" }, false,
        { fr: "Discipline (mathématiques, lecture…).", en: "Subject (mathematics, reading…)." }),
      col("level", "Niveau", ["Niveau d'enseignement", "Cycle", "Level"], { kind: "code", list: "level" }, false,
        choices("level")),
      col("language", "Langue", ["Language"], { kind: "text" }, false,
        { fr: "Langue de la ressource.", en: "Language of the resource." }),
      col("type", "Type", ["Type de ressource", "Format", "Resource type"], { kind: "text" }, false,
        { fr: "Vidéo, fiche, audio…", en: "Video, worksheet, audio…" }),
      col("status", "Statut", ["État", "Etat", "Status"], { kind: "code", list: "resource_status" }, true,
        choices("resource_status")),
      col("status_date", "Date du statut", ["Date statut", "Date de mise à jour", "Status date"], { kind: "date", past: true }, true,
        { fr: "Date à laquelle la ressource a pris ce statut (jj/mm/aaaa).", en: "Date the resource reached this status (dd/mm/yyyy)." }),
      col("link", "Lien", ["URL", "Adresse", "Link"], { kind: "link" }, false,
        { fr: "Lien vers la ressource publiée (adresse web complète, https://…).", en: "Link to the published resource (full web address, https://…)." }),
    ],
  },
  {
    key: "activities", title: "Activités", titleAliases: ["Activité", "Plan d'action", "Plan d'activités", "Activities"],
    scope: "country", optional: false, table: "core.activities",
    columns: [
      col("activity_id", "ID activité", ["Identifiant activité", "Code activité", "N° activité", "Activity ID"], { kind: "id" }, true,
        { fr: "Identifiant unique de l'activité du plan.", en: "Unique id of the plan activity." }),
      col("activity", "Activité", ["Intitulé", "Description", "Activity"], { kind: "text" }, true,
        { fr: "Ce qui doit être fait.", en: "What is to be done." }),
      col("owner_key", "Responsable", ["Personne responsable", "Point focal", "Owner", "Responsible"], { kind: "pseudonym" }, false,
        { fr: "Personne en charge : remplacée par un code anonyme dans l'entrepôt.", en: "Person in charge: replaced by an anonymous key in the warehouse." }),
      col("due_date", "Échéance", ["Date limite", "Date prévue", "Deadline", "Due date"], { kind: "date" }, true,
        { fr: "Date prévue de réalisation (jj/mm/aaaa).", en: "Planned completion date (dd/mm/yyyy)." }),
      col("status", "Statut", ["État", "Etat", "Status"], { kind: "code", list: "activity_status" }, true,
        choices("activity_status")),
      freeText(col("comment", "Commentaire", ["Commentaires", "Observations", "Remarques", "Comment", "Notes"], { kind: "text" }, false,
        { fr: "Remarque libre pour l'équipe : gardée dans l'entrepôt, jamais publiée.", en: "Free remark for the team: kept in the warehouse, never published." }), "private"),
    ],
  },
  {
    key: "approvals", title: "Validation", titleAliases: ["Validations", "Validation mensuelle", "Approval", "Approvals"],
    scope: "country", optional: true, table: "core.month_approvals",
    columns: [
      col("period", "Mois", ["Mois validé", "Période", "Month"], { kind: "month" }, true,
        { fr: "Mois validé par le pays (03/2026, mars 2026 ou 2026-03).", en: "Month validated by the country (03/2026, March 2026 or 2026-03)." }),
      col("approver_key", "Validé par", ["Validée par", "Approuvé par", "Approved by", "Validated by"], { kind: "pseudonym" }, false,
        { fr: "Personne qui valide : remplacée par un code anonyme dans l'entrepôt.", en: "Approver: replaced by an anonymous key in the warehouse." }),
      col("approved_on", "Date de validation", ["Validé le", "Date validation", "Approval date", "Approved on"], { kind: "date", past: true }, true,
        { fr: "Date de la validation (jj/mm/aaaa).", en: "Date of the approval (dd/mm/yyyy)." }),
    ],
  },
  {
    key: "targets", title: "Cibles", titleAliases: ["Cible", "Objectifs", "Targets"],
    scope: "regional", optional: false, table: "core.targets",
    columns: [
      col("country_code", "Pays", ["Code pays", "Country"], { kind: "country" }, true,
        { fr: "Pays : code ISO à deux lettres (SN) ou nom (Sénégal).", en: "Country: two-letter ISO code (SN) or name (Senegal)." }),
      col("indicator_id", "Indicateur", ["Indicator"], { kind: "indicator" }, true,
        { fr: "Indicateur, tel que nommé dans le catalogue (ex. Formateurs formés).", en: "Indicator, as named in the catalogue (e.g. Formateurs formés)." }),
      col("target", "Cible", ["Valeur cible", "Objectif", "Target"], { kind: "number" }, true,
        { fr: "Valeur à atteindre (nombre positif).", en: "Value to reach (positive number)." }),
      col("deadline", "Échéance", ["Date limite", "Date cible", "Deadline", "Due date"], { kind: "date" }, true,
        { fr: "Date à laquelle la cible doit être atteinte (jj/mm/aaaa).", en: "Date by which the target is to be reached (dd/mm/yyyy)." }),
      col("baseline", "Valeur de référence", ["Valeur de base", "Situation de référence", "Baseline", "Baseline value"], { kind: "number" }, false,
        { fr: "Valeur de l'indicateur avant le programme, si elle est connue (facultatif, sur une ligne de l'indicateur).", en: "The indicator's value before the programme, if known (optional, on one row of the indicator)." }),
      col("baseline_year", "Année de référence", ["Année de base", "Année de la valeur de référence", "Baseline year"], { kind: "count" }, false,
        { fr: "Année de cette valeur de référence (ex. 2024).", en: "Year of that baseline value (e.g. 2024)." }),
    ],
  },
  {
    key: "comments", title: "Commentaires", titleAliases: ["Commentaire", "Comments", "Observations"],
    scope: "both", optional: true, table: "core.comments",
    columns: [
      col("period", "Mois", ["Période", "Mois concerné", "Month"], { kind: "month" }, true,
        { fr: "Mois commenté (03/2026, mars 2026 ou 2026-03).", en: "Month commented on (03/2026, March 2026 or 2026-03)." }),
      col("subject", "Indicateur ou constat", ["Indicateur", "Constat", "Sujet", "Indicator or finding", "Indicator", "Finding", "Flag"], { kind: "subject" }, true,
        { fr: "Ce que le commentaire éclaire : un indicateur (Enseignants formés), un constat (Activités en retard), l'identifiant d'un constat (SN/overdue_activities) ou « Général ».", en: "What the comment is about: an indicator (Enseignants formés), a finding (Activités en retard), a flag id (SN/overdue_activities) or \"Général\"." }),
      freeText(col("comment", "Commentaire", ["Commentaires", "Texte", "Comment"], { kind: "text" }, true,
        { fr: "Une ou deux phrases de contexte. Publié tel quel sur le site et dans la note : ni nom, ni courriel, ni téléphone.", en: "One or two sentences of context. Published as typed on the site and in the note: no name, e-mail or phone number." }), "public"),
      col("author_role", "Rôle de l'auteur", ["Rôle", "Auteur", "Fonction de l'auteur", "Author's role", "Author role", "Role"], { kind: "code", list: "author_role" }, true,
        choices("author_role")),
    ],
  },
];

/** Headers of any e-mail column: personal, dropped wherever they appear. */
export function isEmailHeader(normalised: string): boolean {
  return /e?mail|courriel/.test(normalised);
}

/** The contract a tab title (typed by hand, or taken from a file name) stands for. */
export function contractForTitle(title: string): TabContract | undefined {
  const wanted = normaliseLabel(title);
  return TAB_CONTRACTS.find((c) => [c.title, ...c.titleAliases].some((t) => normaliseLabel(t) === wanted));
}

export function contractFor(key: TabKey): TabContract {
  const contract = TAB_CONTRACTS.find((c) => c.key === key);
  if (!contract) throw new Error(`no contract for tab ${key}`);
  return contract;
}

export const COUNTRY_TABS: TabContract[] = TAB_CONTRACTS.filter((c) => c.scope !== "regional");
export const REGIONAL_TABS: TabContract[] = TAB_CONTRACTS.filter((c) => c.scope !== "country");
