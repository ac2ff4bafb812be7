import type { Lang } from "../../core/lang.ts";
import { codesOf, labelOf, labelsOf, type Code } from "../../core/labels.ts";
import { normaliseLabel } from "./normalise.ts";

/** The coded columns of the sheets; each is a vocabulary of src/core/labels.ts. */
export type CodeListName = "level" | "modality" | "resource_status" | "activity_status" | "author_role";

/**
 * What country teams type for each code besides its French and English labels (which come from
 * src/core/labels.ts, like everywhere else): older wordings, synonyms, the other gender.
 */
export const ALIASES: { [L in CodeListName]: Record<Code<L>, string[]> } = {
  level: {
    preschool: ["Pré-scolaire", "Maternelle", "Pre-school", "Pre-primary"],
    primary: ["Élémentaire", "Elementary"],
    secondary: ["Collège", "Lycée"],
  },
  modality: {
    in_person: ["En présentiel", "Face à face", "Face-to-face", "Onsite"],
    remote: ["Distanciel", "En ligne", "Online", "Distance"],
    hybrid: ["Mixte", "Blended"],
  },
  resource_status: {
    in_production: ["En cours de production", "Production"],
    in_validation: ["En cours de validation", "Validation", "Under review"],
    validated: ["Validé", "Valide"],
    published: ["Publié", "En ligne"],
    rejected: ["Rejeté", "Refusée", "Refusé"],
  },
  activity_status: {
    planned: ["Prévu", "Planifiée", "Planifié", "À faire", "To do"],
    in_progress: ["Ongoing"],
    done: ["Réalisé", "Terminée", "Terminé", "Faite", "Fait", "Completed"],
    postponed: ["Reporté", "Delayed"],
    cancelled: ["Annulé", "Canceled"],
  },
  author_role: {
    national_focal_point: ["Point focal", "Point focal pays", "PF", "Focal point"],
    country_team: ["Équipe nationale", "Equipe", "Équipe", "National team"],
    monitoring_evaluation: ["Suivi et évaluation", "Chargé de suivi-évaluation", "S&E", "M&E"],
    regional_coordination: ["Coordinateur régional", "Coordinatrice régionale", "Coordination", "Regional coordinator"],
    partner: ["Bailleur", "Partenaire technique", "Donor"],
  },
};

const LOOKUP = new Map<CodeListName, Map<string, string>>(
  (Object.keys(ALIASES) as CodeListName[]).map((list) => [
    list,
    new Map(
      codesOf(list).flatMap((code) => {
        const { fr, en } = labelOf(list, code)!;
        const aliases = (ALIASES[list] as Record<string, string[]>)[code] ?? [];
        return [code, fr, en, ...aliases].map((typed) => [normaliseLabel(typed), code] as const);
      }),
    ),
  ]),
);

/** The code a typed label stands for, or null when it is none of the list. */
export function lookupCode(list: CodeListName, label: string): string | null {
  return LOOKUP.get(list)?.get(normaliseLabel(label)) ?? null;
}

/** The dropdown labels (French, as the template is), for messages and for the template's data validation. */
export function codeLabels(list: CodeListName, lang: Lang = "fr"): string[] {
  return labelsOf(lang, list);
}
