import type { Reason } from "../usage/reasons.ts";

/** Codes set by sql/statements.sql (and by the Moodle stage) in its `reason` column. */
export const XAPI_REASONS: Record<string, Reason> = {
  json: {
    column: null,
    fr: "Ligne illisible : ce n'est pas un objet JSON valide. Corrigez-la ou supprimez-la, puis réimportez le fichier.",
    en: "Unreadable line: not a valid JSON object. Fix or remove it, then import the file again.",
  },
  id: {
    column: "id",
    fr: "Déclaration sans identifiant (id) : exportez les déclarations telles que le LRS les a stockées, avec leur id.",
    en: "Statement without an id: export the statements as the LRS stored them, with their id.",
  },
  actor: {
    column: "actor",
    fr: "Acteur absent ou sans identifiant (mbox, mbox_sha1sum, openid ou account) : la déclaration ne peut être attribuée à personne.",
    en: "Actor missing or without an identifier (mbox, mbox_sha1sum, openid or account): the statement cannot be attributed.",
  },
  verb: {
    column: "verb.id",
    fr: "Verbe absent (verb.id) : la déclaration ne dit pas ce qui a été fait.",
    en: "Verb missing (verb.id): the statement does not say what was done.",
  },
  object: {
    column: "object.id",
    fr: "Objet absent (object.id) : la déclaration ne dit pas sur quoi porte l'activité.",
    en: "Object missing (object.id): the statement does not say what the activity was about.",
  },
  timestamp: {
    column: "timestamp",
    fr: "Horodatage absent ou illisible (timestamp, sinon stored) : attendu au format ISO 8601, par exemple 2026-03-01T10:00:00Z.",
    en: "Timestamp missing or unreadable (timestamp, else stored): expected ISO 8601, e.g. 2026-03-01T10:00:00Z.",
  },
  country_missing: {
    column: "country",
    fr: "Pays introuvable : aucune règle de pays de la source ne donne de réponse (extension, plateforme, activité, homePage). Indiquez le pays (--country XX) ou ajoutez une règle ; le pays n'est jamais deviné.",
    en: "Country not found: none of the source's country rules answers (extension, platform, activity, homePage). Give the country (--country XX) or add a rule; the country is never guessed.",
  },
  country_unknown: {
    column: "country",
    fr: "Code pays inconnu : ce n'est pas un pays de la référence (pipelines/reference/countries.csv). Corrigez la donnée ou la règle de pays.",
    en: "Unknown country code: not a country of the reference (pipelines/reference/countries.csv). Fix the data or the country rule.",
  },
};
