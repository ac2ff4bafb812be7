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
 * Demo runs fall back to the demo key; a production run without a key refuses to start.
 */
export function resolveKey(env: NodeJS.ProcessEnv, demo: boolean): string {
  const inline = env[KEY_ENV]?.trim();
  if (inline) return inline;
  const file = env[KEY_FILE_ENV]?.trim();
  if (file) return readFileSync(file, "utf8").trim();
  if (demo) return DEMO_KEY;
  throw new ImaginEcoleError({
    fr: `Aucune clé de pseudonymisation : définissez ${KEY_ENV} ou ${KEY_FILE_ENV} (fichier contenant la clé). Sans clé, les identifiants personnels ne peuvent pas être protégés.`,
    en: `No pseudonymisation key: set ${KEY_ENV} or ${KEY_FILE_ENV} (a file holding the key). Without a key, personal identifiers cannot be protected.`,
  }, EXIT.usage);
}
