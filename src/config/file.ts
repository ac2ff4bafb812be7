import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { EXIT, ImaginEcoleError } from "../core/errors.ts";

export const DEMO_CONFIG = "pipelines/demo.json";
export const CONFIG_ENV = "IMAGINECOLE_CONFIG";

/** The configuration file named by --config or IMAGINECOLE_CONFIG, else the bundled demo one, as JSON not yet checked. */
export function readConfigFile(root: string, explicit?: string): { path: string; json: unknown } {
  const path = resolve(root, explicit ?? process.env[CONFIG_ENV] ?? DEMO_CONFIG);
  if (!existsSync(path)) {
    throw new ImaginEcoleError({
      fr: `Fichier de configuration introuvable : ${path}. Indiquez-le avec --config ou ${CONFIG_ENV}.`,
      en: `Configuration file not found: ${path}. Name it with --config or ${CONFIG_ENV}.`,
    }, EXIT.usage);
  }
  try {
    return { path, json: JSON.parse(readFileSync(path, "utf8")) as unknown };
  } catch (error) {
    throw new ImaginEcoleError({
      fr: `Configuration illisible (${path}) : ${(error as Error).message}. Corrigez le JSON.`,
      en: `Unreadable configuration (${path}): ${(error as Error).message}. Fix the JSON.`,
    }, EXIT.usage);
  }
}
