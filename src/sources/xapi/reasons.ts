import type { Bilingual } from "../../core/message.ts";
import type { Reason } from "../usage/reasons.ts";

/** A defect of a property `p`, said in both languages; the property is the reject's column. */
type Defect = (p: string) => Bilingual;

const TIME_FORMAT = {
  fr: "attendu ISO 8601 avec son fuseau, par exemple 2026-03-01T10:00:00Z ou 2026-03-01T11:00:00+01:00 (le décalage -00:00, « inconnu », n'est pas permis)",
  en: "expected ISO 8601 with its offset, e.g. 2026-03-01T10:00:00Z or 2026-03-01T11:00:00+01:00 (the offset -00:00, \"unknown\", is not allowed)",
};

/** What ../usage/sql/macros.sql finds wrong with an Agent or a Group, after the property it prefixes. */
const AGENT_DEFECTS: Record<string, Defect> = {
  "|ifi_none": (p) => ({
    fr: `${p} absent ou sans identifiant (mbox, mbox_sha1sum, openid ou account) : la déclaration ne peut être attribuée à personne.`,
    en: `${p} missing or without an identifier (mbox, mbox_sha1sum, openid or account): the statement cannot be attributed to anyone.`,
  }),
  "|ifi_many": (p) => ({
    fr: `${p} : plusieurs identifiants (mbox, mbox_sha1sum, openid, account) ; xAPI n'en permet qu'un, sans quoi on ne sait pas de qui il s'agit.`,
    en: `${p}: several identifiers (mbox, mbox_sha1sum, openid, account); xAPI allows exactly one, else it is unclear who this is.`,
  }),
  ".objectType|agent": (p) => ({
    fr: `${p} : « Agent » ou « Group » attendu, écrit exactement ainsi (majuscule comprise).`,
    en: `${p}: "Agent" or "Group" expected, written exactly so (capital letter included).`,
  }),
  ".name|string": (p) => ({ fr: `${p} : doit être une chaîne de caractères.`, en: `${p}: must be a string.` }),
  ".mbox|mailto": (p) => ({
    fr: `${p} : attendu « mailto: » suivi d'une adresse électronique (ex. mailto:awa@exemple.sn).`,
    en: `${p}: expected "mailto:" followed by an e-mail address (e.g. mailto:awa@example.sn).`,
  }),
  ".mbox_sha1sum|sha1": (p) => ({
    fr: `${p} : attendu l'empreinte SHA-1 d'une adresse « mailto: », en 40 chiffres hexadécimaux.`,
    en: `${p}: expected the SHA-1 hash of a "mailto:" address, as 40 hexadecimal digits.`,
  }),
  ".openid|uri": (p) => ({
    fr: `${p} : attendu une URI (ex. https://openid.exemple.org/awa).`,
    en: `${p}: expected a URI (e.g. https://openid.example.org/awa).`,
  }),
  ".account|incomplete": (p) => ({
    fr: `${p} : un compte demande à la fois homePage et name.`,
    en: `${p}: an account needs both homePage and name.`,
  }),
  ".account.homePage|irl": (p) => ({
    fr: `${p} : attendu l'adresse (IRL) de la plateforme du compte, comme https://sn.imaginecole.org.`,
    en: `${p}: expected the address (IRL) of the account's platform, such as https://sn.imaginecole.org.`,
  }),
  ".account.name|string": (p) => ({
    fr: `${p} : doit être une chaîne de caractères (l'identifiant du compte sur sa plateforme).`,
    en: `${p}: must be a string (the account's login on its platform).`,
  }),
  ".member|array": (p) => ({ fr: `${p} : doit être une liste d'Agents.`, en: `${p}: must be a list of Agents.` }),
  ".member|invalid": (p) => ({
    fr: `${p} : chaque membre doit être un Agent avec exactement un identifiant valide.`,
    en: `${p}: each member must be an Agent with exactly one valid identifier.`,
  }),
  ".member|missing": (p) => ({
    fr: `${p} : un groupe sans identifiant est connu par ses membres, et n'en liste aucun (member).`,
    en: `${p}: a group without an identifier is known by its members, and lists none (member).`,
  }),
};

const VERB_DEFECTS: Record<string, Defect> = {
  "|missing": (p) => ({
    fr: `${p} absent : la sous-déclaration ne dit pas ce qui a été fait.`,
    en: `${p} missing: the sub-statement does not say what was done.`,
  }),
  ".id|missing": (p) => ({
    fr: `${p} absent : la déclaration ne dit pas ce qui a été fait.`,
    en: `${p} missing: the statement does not say what was done.`,
  }),
  ".id|iri": (p) => ({
    fr: `${p} : un verbe est un IRI (ex. http://adlnet.gov/expapi/verbs/completed).`,
    en: `${p}: a verb is an IRI (e.g. http://adlnet.gov/expapi/verbs/completed).`,
  }),
  ".display|map": (p) => ({
    fr: `${p} : attendu une table de langues, des codes de langue (fr-FR, en) associés chacun à un texte.`,
    en: `${p}: expected a language map, language codes (fr-FR, en) each with a text.`,
  }),
};

const OBJECT_DEFECTS: Record<string, Defect> = {
  "|missing": (p) => ({ fr: `${p} absent : la sous-déclaration ne dit pas sur quoi elle porte.`, en: `${p} missing: the sub-statement does not say what it is about.` }),
  ".id|missing": (p) => ({
    fr: `${p} absent : la déclaration ne dit pas sur quoi porte l'activité.`,
    en: `${p} missing: the statement does not say what the activity was about.`,
  }),
  ".id|iri": (p) => ({
    fr: `${p} : l'identifiant d'une activité est un IRI (ex. https://imaginecole.org/ressources/42).`,
    en: `${p}: an activity's id is an IRI (e.g. https://imaginecole.org/resources/42).`,
  }),
  ".id|uuid": (p) => ({
    fr: `${p} : une référence à une déclaration (StatementRef) donne l'UUID de celle-ci.`,
    en: `${p}: a reference to a statement (StatementRef) gives that statement's UUID.`,
  }),
  ".objectType|object": (p) => ({
    fr: `${p} : attendu Activity, Agent, Group, SubStatement ou StatementRef, écrit exactement ainsi.`,
    en: `${p}: expected Activity, Agent, Group, SubStatement or StatementRef, written exactly so.`,
  }),
  ".objectType|nested": (p) => ({
    fr: `${p} : une sous-déclaration ne peut en contenir une autre.`,
    en: `${p}: a sub-statement cannot hold another one.`,
  }),
};

const ONE_OFF: Record<string, Reason> = {
  json: {
    column: null,
    fr: "Ligne illisible : ce n'est pas un objet JSON valide. Corrigez-la ou supprimez-la, puis réimportez le fichier.",
    en: "Unreadable line: not a valid JSON object. Fix or remove it, then import the file again.",
  },
  "id|missing": {
    column: "id",
    fr: "Déclaration sans identifiant (id) : exportez les déclarations telles que le LRS les a stockées, avec leur id.",
    en: "Statement without an id: export the statements as the LRS stored them, with their id.",
  },
  "id|uuid": {
    column: "id",
    fr: "id : attendu un UUID, 8-4-4-4-12 chiffres hexadécimaux (ex. 6690e6c9-3ef0-4ed3-8b37-7f3964730bee).",
    en: "id: expected a UUID, 8-4-4-4-12 hexadecimal digits (e.g. 6690e6c9-3ef0-4ed3-8b37-7f3964730bee).",
  },
  "id|conflict": {
    column: "id",
    fr: "id déjà chargé, ou donné plus haut dans le fichier, pour une déclaration au contenu différent (acteur, verbe, objet ou date) : un id désigne une seule déclaration, celle-ci n'est pas chargée. Vérifiez laquelle est la bonne auprès de la plateforme qui les a produites.",
    en: "id already loaded, or given earlier in the file, for a statement with other content (actor, verb, object or time): an id names one statement, so this one is not loaded. Check with the platform that produced them which one is right.",
  },
  "object|substatement_fields": {
    column: "object",
    fr: "object : une sous-déclaration (SubStatement) n'a ni id, ni stored, ni version, ni authority.",
    en: "object: a sub-statement (SubStatement) has no id, stored, version or authority.",
  },
  "object.objectType|void": {
    column: "object.objectType",
    fr: "object.objectType : une annulation (verbe voided) vise une déclaration (StatementRef) ; celle-ci n'est ni chargée ni appliquée.",
    en: "object.objectType: a void (verb voided) points at a statement (StatementRef); this one is neither loaded nor applied.",
  },
  "timestamp|missing": {
    column: "timestamp",
    fr: "Horodatage absent (timestamp, sinon stored) : la déclaration ne dit pas quand l'activité a eu lieu.",
    en: "Timestamp missing (timestamp, else stored): the statement does not say when the activity took place.",
  },
  "timestamp|future": {
    column: "timestamp",
    fr: "timestamp : plus d'un jour après l'enregistrement de la déclaration (stored) ou après aujourd'hui ; une horloge est déréglée, la déclaration n'est pas comptée.",
    en: "timestamp: more than a day after the statement was stored, or after today; a clock is wrong, so the statement is not counted.",
  },
  "stored|future": {
    column: "stored",
    fr: "stored : plus d'un jour après aujourd'hui ; l'horloge du LRS est déréglée, la déclaration n'est pas comptée.",
    en: "stored: more than a day after today; the LRS's clock is wrong, so the statement is not counted.",
  },
  "version|value": {
    column: "version",
    fr: "version : attendu 1.0.x ou 2.0.x (ex. 1.0.3).",
    en: "version: expected 1.0.x or 2.0.x (e.g. 1.0.3).",
  },
  "context.registration|uuid": {
    column: "context.registration",
    fr: "context.registration : attendu un UUID (8-4-4-4-12 chiffres hexadécimaux).",
    en: "context.registration: expected a UUID (8-4-4-4-12 hexadecimal digits).",
  },
  "context.statement|ref": {
    column: "context.statement",
    fr: "context.statement : attendu une référence à une déclaration (objectType StatementRef et l'UUID de la déclaration).",
    en: "context.statement: expected a reference to a statement (objectType StatementRef and the statement's UUID).",
  },
  "country|missing": {
    column: "country",
    fr: "Pays introuvable : aucune règle de pays de la source ne donne de réponse (extension, plateforme, activité, homePage). Indiquez le pays (--country XX) ou ajoutez une règle ; le pays n'est jamais deviné.",
    en: "Country not found: none of the source's country rules answers (extension, platform, activity, homePage). Give the country (--country XX) or add a rule; the country is never guessed.",
  },
  "country|unknown": {
    column: "country",
    fr: "Code pays inconnu : ce n'est pas un pays de la référence (pipelines/reference/countries.csv). Corrigez la donnée ou la règle de pays.",
    en: "Unknown country code: not a country of the reference (pipelines/reference/countries.csv). Fix the data or the country rule.",
  },
};

/** `actor.mbox|mailto` → column `actor.mbox`: the property a defect code names. Pure. */
export function propertyOf(code: string): string {
  return code.split("|", 1)[0]!;
}

function expand(prefixes: string[], defects: Record<string, Defect>): Record<string, Reason> {
  const out: Record<string, Reason> = {};
  for (const prefix of prefixes) {
    for (const [suffix, say] of Object.entries(defects)) {
      const code = prefix + suffix;
      out[code] = { column: propertyOf(code), ...say(propertyOf(code)) };
    }
  }
  return out;
}

const timeFormat = (p: string): Reason => ({
  column: p,
  fr: `${p} : horodatage illisible, ${TIME_FORMAT.fr}.`,
  en: `${p}: unreadable timestamp, ${TIME_FORMAT.en}.`,
});

/**
 * Every code sql/statements.sql, sql/actors.sql and the batch's checks set in their `reason`
 * column: `<property>|<defect>` (../usage/sql/macros.sql), each naming the property it concerns.
 */
export const XAPI_REASONS: Record<string, Reason> = {
  ...ONE_OFF,
  ...expand(["actor", "object", "object.actor", "object.object"], AGENT_DEFECTS),
  "object.actor|missing": {
    column: "object.actor",
    fr: "object.actor absent : une sous-déclaration dit qui a agi.",
    en: "object.actor missing: a sub-statement says who acted.",
  },
  ...expand(["verb", "object.verb"], VERB_DEFECTS),
  ...expand(["object", "object.object"], OBJECT_DEFECTS),
  "timestamp|format": timeFormat("timestamp"),
  "stored|format": timeFormat("stored"),
  "object.timestamp|format": timeFormat("object.timestamp"),
};
