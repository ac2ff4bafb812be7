import type { Reason } from "../usage/reasons.ts";
import type { HeaderMap } from "./headers.ts";

/** Why a log row was rejected, naming the column as the file writes it. */
export function moodleReasons(header: HeaderMap): Record<string, Reason> {
  const time = header.label.time ?? "Time";
  const description = header.label.description ?? "Description";
  return {
    moodle_time: {
      column: time,
      fr: "Heure illisible : attendu « 7/09/26, 21:40:58 » ou « 7 sept. 26, 21:40:58 ». Téléchargez à nouveau les journaux depuis Moodle sans modifier le fichier.",
      en: "Unreadable time: expected \"7/09/26, 21:40:58\" or \"7 sept. 26, 21:40:58\". Download the logs from Moodle again without editing the file.",
    },
    moodle_time_no_year: {
      column: time,
      fr: "Heure sans année (ancien format Moodle « 7 sept., 21:40 ») : l'année n'est pas devinée. Téléchargez les journaux depuis une version de Moodle qui écrit l'année.",
      en: "Time without a year (old Moodle format \"7 Sep, 21:40\"): the year is not guessed. Download the logs from a Moodle version that writes the year.",
    },
    moodle_user: {
      column: description,
      fr: "Aucun identifiant d'utilisateur dans la Description (attendu « The user with id '123' … ») : la ligne ne peut être attribuée.",
      en: "No user id in the Description (expected \"The user with id '123' …\"): the row cannot be attributed.",
    },
  };
}
