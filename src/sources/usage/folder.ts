import { existsSync, readdirSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { EXIT, ImaginEcoleError } from "../../core/errors.ts";

/** Files of a folder matching `pattern`, sorted by name; a missing folder is a configuration error. */
export function listFiles(folder: string, pattern: RegExp): string[] {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new ImaginEcoleError({
      fr: `Dossier introuvable : ${folder}. Vérifiez le chemin de la source dans la configuration.`,
      en: `Folder not found: ${folder}. Check the source's path in the configuration.`,
    }, EXIT.usage);
  }
  return readdirSync(folder)
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => join(folder, name));
}

/** The files named on the command line, relative to `root`; a folder stands for its matching files. */
export function expandFiles(root: string, names: string[], pattern: RegExp): string[] {
  return names.flatMap((name) => {
    const path = resolve(root, name);
    if (!existsSync(path)) {
      throw new ImaginEcoleError({ fr: `Fichier introuvable : ${path}.`, en: `File not found: ${path}.` }, EXIT.usage);
    }
    return statSync(path).isDirectory() ? listFiles(path, pattern) : [path];
  });
}

/** Where a file is, as people will look for it: relative to the project when inside it. */
export function displayPath(root: string, path: string): string {
  const rel = relative(root, path);
  return rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}
