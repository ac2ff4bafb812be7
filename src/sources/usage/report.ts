import { ImaginEcoleError } from "../../core/errors.ts";
import { say, type RunContext } from "../../context/run-context.ts";
import type { LoadResult } from "../../warehouse/batch.ts";

/** One line per batch for the person running the command, in their language. */
export function describeLoad(ctx: RunContext, location: string, r: LoadResult): string {
  switch (r.status) {
    case "skipped":
      return say(ctx, `${location} : déjà chargé, ignoré.`, `${location}: already loaded, skipped.`);
    case "failed": {
      const why = r.error instanceof ImaginEcoleError ? r.error.text(ctx.lang) : r.message;
      return say(ctx, `${location} : échec, rien n'a été chargé (${why}).`, `${location}: failed, nothing loaded (${why}).`);
    }
    default:
      return say(
        ctx,
        `${location} : ${r.rowsRead} lus, ${r.rowsLoaded} nouveaux, ${r.rowsRejected} rejetés.`,
        `${location}: ${r.rowsRead} read, ${r.rowsLoaded} new, ${r.rowsRejected} rejected.`,
      );
  }
}
