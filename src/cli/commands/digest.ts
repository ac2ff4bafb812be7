import type { Lang } from "../../core/lang.ts";
import { failedDigests, sendDigests } from "../../digest/index.ts";
import { freshenMart, openContext, type GlobalOptions } from "../context.ts";

/** `imaginecole digest [--month YYYY-MM] [--dry-run]`: the monthly e-mail to each country's focal points. */
export async function digestCommand(options: GlobalOptions, lang: Lang, o: { month?: string; dryRun?: boolean }): Promise<void> {
  const { ctx, config } = await openContext(options, lang, { dryRun: o.dryRun });
  try {
    await freshenMart(ctx.warehouse, options, lang);
    const { month, outcomes } = await sendDigests(ctx, config.coordinator, {
      month: o.month,
      dryRun: o.dryRun,
      print: (text) => process.stdout.write(`${text}\n${"-".repeat(60)}\n`),
    });
    const count = (status: string) => outcomes.filter((x) => x.status === status).length;
    if (!o.dryRun) {
      process.stdout.write(lang === "fr"
        ? `Synthèses de ${month} : ${count("sent")} envoyée(s), ${count("already_sent")} déjà envoyée(s), ${count("failed")} en échec.\n`
        : `Digests for ${month}: ${count("sent")} sent, ${count("already_sent")} already sent, ${count("failed")} failed.\n`);
    }
    const failure = failedDigests(outcomes);
    if (failure) throw failure;
  } finally {
    ctx.warehouse.close();
  }
}
