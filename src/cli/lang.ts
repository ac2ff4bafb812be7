import type { Lang } from "../context/run-context.ts";

/** --lang, else IMAGINECOLE_LANG, else the locale; French unless the locale says English. */
export function resolveLang(explicit: string | undefined, env: NodeJS.ProcessEnv): Lang {
  const value = explicit ?? env.IMAGINECOLE_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? "fr";
  return /^en/i.test(value) ? "en" : "fr";
}
