import { normaliseLabel } from "./normalise.ts";

/** One stable English code, the label country teams pick in the dropdown, and what else they type. */
export interface Code {
  code: string;
  fr: string;
  en: string;
  aliases: string[];
}

export type CodeListName = "level" | "modality" | "resource_status" | "activity_status" | "author_role";

export const CODE_LISTS: Record<CodeListName, Code[]> = {
  level: [
    { code: "preschool", fr: "Préscolaire", en: "Preschool", aliases: ["Pré-scolaire", "Maternelle", "Pre-school", "Pre-primary"] },
    { code: "primary", fr: "Primaire", en: "Primary", aliases: ["Élémentaire", "Elementary"] },
    { code: "secondary", fr: "Secondaire", en: "Secondary", aliases: ["Collège", "Lycée"] },
  ],
  modality: [
    { code: "in_person", fr: "Présentiel", en: "In person", aliases: ["En présentiel", "Face à face", "Face-to-face", "Onsite"] },
    { code: "remote", fr: "À distance", en: "Remote", aliases: ["Distanciel", "En ligne", "Online", "Distance"] },
    { code: "hybrid", fr: "Hybride", en: "Hybrid", aliases: ["Mixte", "Blended"] },
  ],
  resource_status: [
    { code: "in_production", fr: "En production", en: "In production", aliases: ["En cours de production", "Production"] },
    { code: "in_validation", fr: "En validation", en: "In validation", aliases: ["En cours de validation", "Validation", "Under review"] },
    { code: "validated", fr: "Validée", en: "Validated", aliases: ["Validé", "Valide"] },
    { code: "published", fr: "Publiée", en: "Published", aliases: ["Publié", "En ligne"] },
    { code: "rejected", fr: "Rejetée", en: "Rejected", aliases: ["Rejeté", "Refusée", "Refusé"] },
  ],
  activity_status: [
    { code: "planned", fr: "Prévue", en: "Planned", aliases: ["Prévu", "Planifiée", "Planifié", "À faire", "To do"] },
    { code: "in_progress", fr: "En cours", en: "In progress", aliases: ["Ongoing"] },
    { code: "done", fr: "Réalisée", en: "Done", aliases: ["Réalisé", "Terminée", "Terminé", "Faite", "Fait", "Completed"] },
    { code: "postponed", fr: "Reportée", en: "Postponed", aliases: ["Reporté", "Delayed"] },
    { code: "cancelled", fr: "Annulée", en: "Cancelled", aliases: ["Annulé", "Canceled"] },
  ],
  // A role, never a name: comments are published.
  author_role: [
    { code: "national_focal_point", fr: "Point focal national", en: "National focal point", aliases: ["Point focal", "Point focal pays", "PF", "Focal point"] },
    { code: "country_team", fr: "Équipe pays", en: "Country team", aliases: ["Équipe nationale", "Equipe", "Équipe", "National team"] },
    { code: "monitoring_evaluation", fr: "Suivi-évaluation", en: "Monitoring and evaluation", aliases: ["Suivi et évaluation", "Chargé de suivi-évaluation", "S&E", "M&E"] },
    { code: "regional_coordination", fr: "Coordination régionale", en: "Regional coordination", aliases: ["Coordinateur régional", "Coordinatrice régionale", "Coordination", "Regional coordinator"] },
    { code: "partner", fr: "Partenaire", en: "Partner", aliases: ["Bailleur", "Partenaire technique", "Donor"] },
  ],
};

const LOOKUP = new Map<CodeListName, Map<string, string>>(
  (Object.entries(CODE_LISTS) as [CodeListName, Code[]][]).map(([name, codes]) => [
    name,
    new Map(codes.flatMap((c) => [c.code, c.fr, c.en, ...c.aliases].map((label) => [normaliseLabel(label), c.code] as const))),
  ]),
);

/** The code a typed label stands for, or null when it is none of the list. */
export function lookupCode(list: CodeListName, label: string): string | null {
  return LOOKUP.get(list)?.get(normaliseLabel(label)) ?? null;
}

/** The dropdown labels, for messages and for the template's data validation. */
export function codeLabels(list: CodeListName): string[] {
  return CODE_LISTS[list].map((c) => c.fr);
}
