import type { Lang } from "./lang.ts";
import { say, type Bilingual } from "./message.ts";

/**
 * Exit codes of the command line (DESIGN.md, README's table): 0 loaded, 3 loaded with rejects,
 * 1 batch refused, 2 usage; 4 loaded, then a later step failed (what was loaded is kept and said);
 * 5 the warehouse or its folder cannot be used (damaged, not a DuckDB file, read-only, disk full).
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, rejects: 3, committed: 4, environment: 5 } as const;

/** An error a user can act on, worded in French and English. */
export class ImaginEcoleError extends Error {
  constructor(
    readonly bilingual: Bilingual,
    readonly exitCode: number = EXIT.failed,
  ) {
    // English in Error.message, for logs of tools that know nothing of the two languages.
    super(bilingual.en);
    this.name = "ImaginEcoleError";
  }

  text(lang: Lang): string {
    return say(lang, this.bilingual);
  }
}

/** What to tell a person about a failure: our own errors in their language, others by their message. */
export function errorText(error: unknown, lang: Lang): string {
  if (error instanceof ImaginEcoleError) return error.text(lang);
  return error instanceof Error ? error.message : String(error);
}
