import { ImaginEcoleError } from "../../core/errors.ts";
import type { RunContext } from "../../context/run-context.ts";
import { say } from "../../core/message.ts";
import type { LoadResult } from "../../warehouse/batch.ts";

/** One line per batch for the person running the command, in their language. */
export function describeLoad(ctx: RunContext, location: string, r: LoadResult): string {
  switch (r.status) {
    case "skipped":
      return say(ctx, { fr: `${location} : déjà chargé, ignoré.`, en: `${location}: already loaded, skipped.` });
    case "failed": {
      const why = r.error instanceof ImaginEcoleError ? r.error.text(ctx.lang) : r.message;
      return say(ctx, { fr: `${location} : échec, rien n'a été chargé (${why}).`, en: `${location}: failed, nothing loaded (${why}).` });
    }
    default:
      return say(ctx, {
        fr: `${location} : ${r.rowsRead} lus, ${r.rowsLoaded} nouveaux, ${r.rowsRejected} rejetés.`,
        en: `${location}: ${r.rowsRead} read, ${r.rowsLoaded} new, ${r.rowsRejected} rejected.`,
      });
  }
}
