import { EXIT, ImaginEcoleError } from "../../core/errors.ts";
import type { Bilingual } from "../../core/message.ts";

/** Whole-file problems: the batch is refused (exit 1) and the message says where and what to do. */
const refuse = (message: Bilingual) => new ImaginEcoleError(message, EXIT.failed);

/** Where to declare a platform's own headers: its profile, or a new one. */
const profileFix = (profile: string) =>
  profile === "canonical"
    ? { fr: "créez le profil du pays dans pipelines/profiles/national/ (voir son README)", en: "create the country's profile in pipelines/profiles/national/ (see its README)" }
    : { fr: `ajoutez-les au profil ${profile}`, en: `add them to the profile ${profile}` };

export const refusals = {
  empty: (file: string) =>
    refuse({
      fr: `${file} : le fichier est vide. Exportez de nouveau les statistiques de la plateforme puis déposez le fichier.`,
      en: `${file}: the file is empty. Export the platform statistics again, then drop the file in.`,
    }),
  headerOnly: (file: string, line: number) =>
    refuse({
      fr: `${file} : seul l'en-tête est présent (ligne ${line}), aucune ligne de données. Exportez une période qui contient des jours.`,
      en: `${file}: only the header is present (line ${line}), no data rows. Export a period that has days in it.`,
    }),
  binary: (file: string, kind: string | null) =>
    refuse({
      fr: kind
        ? `${file} : ce n'est pas un fichier CSV mais ${kind.split("|")[0]}. Ouvrez-le et enregistrez-le au format CSV (séparateur point-virgule).`
        : `${file} : ce n'est pas un fichier texte CSV (contenu binaire). Enregistrez l'export au format CSV.`,
      en: kind
        ? `${file}: this is not a CSV file but ${kind.split("|")[1]}. Open it and save it as CSV (semicolon separated).`
        : `${file}: this is not a CSV text file (binary content). Save the export as CSV.`,
    }),
  unclosedQuote: (file: string, line: number) =>
    refuse({
      fr: `${file} : guillemet ouvert ligne ${line} et jamais refermé : le fichier est tronqué ou mal formé. Exportez-le de nouveau en entier.`,
      en: `${file}: quote opened on line ${line} and never closed: the file is truncated or malformed. Export it again in full.`,
    }),
  encoding: (file: string, line: number, detail: Bilingual) =>
    refuse({
      fr: `${file} : encodage illisible ligne ${line} (${detail.fr}). Enregistrez le fichier en « CSV UTF-8 » ou déclarez son encodage dans le profil.`,
      en: `${file}: unreadable encoding on line ${line} (${detail.en}). Save the file as "CSV UTF-8" or declare its encoding in the profile.`,
    }),
  oddUtf16: (file: string) =>
    refuse({
      fr: `${file} : fichier UTF-16 au nombre d'octets impair : il est tronqué. Exportez-le de nouveau en entier.`,
      en: `${file}: UTF-16 file with an odd number of bytes: it is truncated. Export it again in full.`,
    }),
  missingColumns: (file: string, line: number, missing: string[], found: string[], profile: string) =>
    refuse({
      fr: `${file} : colonne obligatoire absente de l'en-tête (ligne ${line}) : ${missing.join(", ")}. En-têtes trouvés : ${found.join(" | ") || "aucun"}. Renommez la colonne, ou si la plateforme la nomme autrement, ${profileFix(profile).fr}.`,
      en: `${file}: required column missing from the header (line ${line}): ${missing.join(", ")}. Headers found: ${found.join(" | ") || "none"}. Rename the column, or if the platform names it otherwise, ${profileFix(profile).en}.`,
    }),
  noHeader: (file: string, expected: string[], profile: string) =>
    refuse({
      fr: `${file} : aucun en-tête reconnu dans les 30 premières lignes (attendu par exemple : ${expected.join(", ")}). Si la plateforme nomme ses colonnes autrement, ${profileFix(profile).fr}.`,
      en: `${file}: no recognised header in the first 30 lines (expected for instance: ${expected.join(", ")}). If the platform names its columns otherwise, ${profileFix(profile).en}.`,
    }),
};
