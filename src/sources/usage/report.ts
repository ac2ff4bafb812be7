import { ImaginEcoleError } from "../../core/errors.ts";
import type { RunContext } from "../../context/run-context.ts";
import { type Bilingual, say } from "../../core/message.ts";
import type { LoadResult } from "../../warehouse/batch.ts";

/** Why a row read is skipped as no one's learning activity (Moodle logs: ../moodle-log/description.ts). */
export type SkipReason = "failed_login" | "web_service" | "not_signed_in" | "guest" | "logged_in_as";

/** Rows skipped, by reason. */
export type SkippedRows = Partial<Record<SkipReason, number>>;

const SKIPPED: Record<SkipReason, (n: number) => Bilingual> = {
  failed_login: (n) => ({ fr: `${n} connexion${n > 1 ? "s" : ""} échouée${n > 1 ? "s" : ""}`, en: `${n} failed login${n > 1 ? "s" : ""}` }),
  web_service: (n) => ({ fr: `${n} appel${n > 1 ? "s" : ""} de service web`, en: `${n} web-service call${n > 1 ? "s" : ""}` }),
  not_signed_in: (n) => ({ fr: `${n} visiteur${n > 1 ? "s" : ""} non connecté${n > 1 ? "s" : ""}`, en: `${n} visitor${n > 1 ? "s" : ""} not signed in` }),
  guest: (n) => ({ fr: `${n} accès invité`, en: `${n} guest access${n > 1 ? "es" : ""}` }),
  logged_in_as: (n) => ({ fr: `${n} connexion${n > 1 ? "s" : ""} « en tant que »`, en: `${n} "logged in as"` }),
};

/** One line per batch for the person running the command, in their language, with the rows skipped by reason. */
export function describeLoad(ctx: RunContext, location: string, r: LoadResult, skipped: SkippedRows = {}): string {
  switch (r.status) {
    case "skipped":
      return say(ctx, { fr: `${location} : déjà chargé, ignoré.`, en: `${location}: already loaded, skipped.` });
    case "failed": {
      const why = r.error instanceof ImaginEcoleError ? r.error.text(ctx.lang) : r.message;
      return say(ctx, { fr: `${location} : échec, rien n'a été chargé (${why}).`, en: `${location}: failed, nothing loaded (${why}).` });
    }
    default: {
      const reasons = (Object.keys(SKIPPED) as SkipReason[]).filter((k) => (skipped[k] ?? 0) > 0);
      const total = reasons.reduce((sum, k) => sum + skipped[k]!, 0);
      const fr = reasons.map((k) => SKIPPED[k](skipped[k]!).fr).join(", ");
      const en = reasons.map((k) => SKIPPED[k](skipped[k]!).en).join(", ");
      return say(ctx, {
        fr: `${location} : ${r.rowsRead} lus, ${r.rowsLoaded} nouveaux, ${r.rowsRejected} rejetés${total > 0 ? `, ${total} ignorés, qui ne sont l'activité d'aucun apprenant (${fr})` : ""}.`,
        en: `${location}: ${r.rowsRead} read, ${r.rowsLoaded} new, ${r.rowsRejected} rejected${total > 0 ? `, ${total} skipped as no one's learning activity (${en})` : ""}.`,
      });
    }
  }
}
