import { ImaginEcoleError } from "../../core/errors.ts";
import { say, type RunContext } from "../../context/run-context.ts";
import type { LoadResult } from "../../warehouse/batch.ts";

/** Why a row read is skipped as no one's learning activity (Moodle logs: ../moodle-log/description.ts). */
export type SkipReason = "failed_login" | "web_service" | "not_signed_in" | "guest" | "logged_in_as";

/** Rows skipped, by reason. */
export type SkippedRows = Partial<Record<SkipReason, number>>;

const SKIPPED: Record<SkipReason, { fr: (n: number) => string; en: (n: number) => string }> = {
  failed_login: { fr: (n) => `${n} connexion${n > 1 ? "s" : ""} échouée${n > 1 ? "s" : ""}`, en: (n) => `${n} failed login${n > 1 ? "s" : ""}` },
  web_service: { fr: (n) => `${n} appel${n > 1 ? "s" : ""} de service web`, en: (n) => `${n} web-service call${n > 1 ? "s" : ""}` },
  not_signed_in: { fr: (n) => `${n} visiteur${n > 1 ? "s" : ""} non connecté${n > 1 ? "s" : ""}`, en: (n) => `${n} visitor${n > 1 ? "s" : ""} not signed in` },
  guest: { fr: (n) => `${n} accès invité`, en: (n) => `${n} guest access${n > 1 ? "es" : ""}` },
  logged_in_as: { fr: (n) => `${n} connexion${n > 1 ? "s" : ""} « en tant que »`, en: (n) => `${n} "logged in as"` },
};

/** One line per batch for the person running the command, in their language. */
export function describeLoad(ctx: RunContext, location: string, r: LoadResult, skipped: SkippedRows = {}): string {
  switch (r.status) {
    case "skipped":
      return say(ctx, `${location} : déjà chargé, ignoré.`, `${location}: already loaded, skipped.`);
    case "failed": {
      const why = r.error instanceof ImaginEcoleError ? r.error.text(ctx.lang) : r.message;
      return say(ctx, `${location} : échec, rien n'a été chargé (${why}).`, `${location}: failed, nothing loaded (${why}).`);
    }
    default: {
      const reasons = (Object.keys(SKIPPED) as SkipReason[]).filter((k) => (skipped[k] ?? 0) > 0);
      const total = reasons.reduce((sum, k) => sum + skipped[k]!, 0);
      const fr = reasons.map((k) => SKIPPED[k].fr(skipped[k]!)).join(", ");
      const en = reasons.map((k) => SKIPPED[k].en(skipped[k]!)).join(", ");
      return say(
        ctx,
        `${location} : ${r.rowsRead} lus, ${r.rowsLoaded} nouveaux, ${r.rowsRejected} rejetés${total > 0 ? `, ${total} ignorés, qui ne sont l'activité d'aucun apprenant (${fr})` : ""}.`,
        `${location}: ${r.rowsRead} read, ${r.rowsLoaded} new, ${r.rowsRejected} rejected${total > 0 ? `, ${total} skipped as no one's learning activity (${en})` : ""}.`,
      );
    }
  }
}
