/** The columns of a Moodle "Logs" download we read or must recognise to drop. */
export type MoodleField =
  | "course"
  | "time"
  | "fullname"
  | "affected"
  | "context"
  | "component"
  | "eventname"
  | "description"
  | "origin"
  | "ip";

/**
 * Every header wording seen in English and French packs (fixtures/real/moodle), normalised:
 * no accents, lower case, straight apostrophes. The leading Course/Cours column is Moodle < 2.9.
 */
const HEADERS: Record<string, MoodleField> = {
  course: "course",
  cours: "course",
  time: "time",
  heure: "time",
  "user full name": "fullname",
  "nom complet": "fullname",
  "nom complet de l'utilisateur": "fullname",
  "affected user": "affected",
  "utilisateur touche": "affected",
  "utilisateur concerne": "affected",
  "event context": "context",
  "contexte de l'evenement": "context",
  component: "component",
  composant: "component",
  "event name": "eventname",
  "nom de l'evenement": "eventname",
  description: "description",
  origin: "origin",
  origine: "origin",
  "ip address": "ip",
  "adresse ip": "ip",
};

export const REQUIRED: MoodleField[] = ["time", "description"];

/** Pure. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[\u2018\u2019\u02BC`´]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

export interface HeaderMap {
  /** Column index of each recognised field. */
  index: Partial<Record<MoodleField, number>>;
  /** The header as written in the file, per field, for reject messages. */
  label: Partial<Record<MoodleField, string>>;
  missing: MoodleField[];
}

/** Which column holds which field. Unknown columns are ignored. Pure. */
export function mapHeaders(headers: string[]): HeaderMap {
  const index: HeaderMap["index"] = {};
  const label: HeaderMap["label"] = {};
  headers.forEach((header, i) => {
    const field = HEADERS[normaliseHeader(header)];
    if (field && index[field] === undefined) {
      index[field] = i;
      label[field] = header.replace(/^\uFEFF/, "").trim();
    }
  });
  return { index, label, missing: REQUIRED.filter((f) => index[f] === undefined) };
}
