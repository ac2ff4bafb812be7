import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { ImaginEcoleError, EXIT } from "../core/errors.ts";

/** Publicly known, so only for the bundled demo data: it protects nothing. */
export const DEMO_KEY = "imaginecole-demo-key-NOT-SECRET";

export const KEY_ENV = "IMAGINECOLE_HASH_KEY";
export const KEY_FILE_ENV = "IMAGINECOLE_HASH_KEY_FILE";

/** Turns a personal identifier (e-mail, account, name) into a stable pseudonymous key. */
export type Keyer = (identifier: string) => string;

export function createKeyer(key: string): Keyer {
  return (identifier) => createHmac("sha256", key).update(identifier.trim().toLowerCase()).digest("hex").slice(0, 32);
}

/**
 * The hashing key from IMAGINECOLE_HASH_KEY or the file named by IMAGINECOLE_HASH_KEY_FILE.
 * Demo runs fall back to the demo key, but only on the bundled demo inputs: `realInput` names
 * the first input outside them, which the public demo key would not protect. A production run
 * without a key refuses to start.
 */
export function resolveKey(env: NodeJS.ProcessEnv, demo: boolean, realInput?: string): string {
  const inline = env[KEY_ENV]?.trim();
  if (inline) return inline;
  const file = env[KEY_FILE_ENV]?.trim();
  if (file) return readFileSync(file, "utf8").trim();
  if (demo && realInput === undefined) return DEMO_KEY;
  const how = {
    fr: `définissez ${KEY_ENV} (une longue phrase secrète, par ex. \`export ${KEY_ENV}="$(openssl rand -hex 32)"\`, gardée d'une exécution à l'autre) ou ${KEY_FILE_ENV} (un fichier contenant la clé)`,
    en: `set ${KEY_ENV} (a long secret, e.g. \`export ${KEY_ENV}="$(openssl rand -hex 32)"\`, kept from one run to the next) or ${KEY_FILE_ENV} (a file holding the key)`,
  };
  if (demo) {
    throw new ImaginEcoleError({
      fr: `Refusé : ${realInput} n'est pas une donnée de démonstration, et la clé de démonstration est publique : elle ne protégerait pas les identifiants personnels. Pour des données réelles, ${how.fr}.`,
      en: `Refused: ${realInput} is not demo data, and the demo key is public: it would not protect personal identifiers. For real data, ${how.en}.`,
    }, EXIT.usage);
  }
  throw new ImaginEcoleError({
    fr: `Aucune clé de pseudonymisation : ${how.fr}. Sans clé, les identifiants personnels ne peuvent pas être protégés.`,
    en: `No pseudonymisation key: ${how.en}. Without a key, personal identifiers cannot be protected.`,
  }, EXIT.usage);
}
