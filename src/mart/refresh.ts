import type { PipelinesConfig } from "../config/pipelines.ts";
import { say } from "../core/message.ts";
import { buildMart } from "./build.ts";
import type { RunContext } from "../context/run-context.ts";
import { isStale } from "../warehouse/stale.ts";

const CURSOR = ["mart", "built_for_day"] as const;

/** What a refresh needs of a run's context: the warehouse, "today", and where to say what it does. */
export type RefreshContext = Pick<RunContext, "warehouse" | "now" | "lang"> & { log?: (message: string) => void };

/**
 * Rebuilds the mart when data changed, when a committed load marked it stale (a run or an import
 * killed before its rebuild), or when it was last built on another day (staleness and
 * trajectories move with the calendar). A run with nothing new writes nothing.
 */
export async function refreshMart(ctx: RefreshContext, config: Pick<PipelinesConfig, "phase">, changed: boolean): Promise<boolean> {
  const today = ctx.now.toISOString().slice(0, 10);
  const builtFor = await ctx.warehouse.scalar<string | undefined>(
    "SELECT value FROM ops.cursors WHERE source = $1 AND key = $2",
    [...CURSOR],
  );
  if (!changed && builtFor === today && !(await isStale(ctx.warehouse, "mart"))) return false;
  ctx.log?.(say(ctx.lang, { fr: "Calcul des indicateurs…", en: "Building the indicators…" }));
  const before = monthBefore(ctx.now);
  const describes = monthBefore(before).toISOString().slice(0, 7);
  if (describes >= config.phase.start.slice(0, 7) && (await historyIsEmpty(ctx))) {
    // A first build also describes the month before, so the first note can already say what changed.
    await buildMart(ctx.warehouse, { now: before, phase: config.phase });
  }
  await buildMart(ctx.warehouse, { now: ctx.now, phase: config.phase });
  await ctx.warehouse.run(
    `INSERT INTO ops.cursors VALUES ($1, $2, $3, now())
     ON CONFLICT (source, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    [...CURSOR, today],
  );
  return true;
}

/** The last day of the previous month, at noon: when the last build describing the month before ran. */
export function monthBefore(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0, 12));
}

/** No month recorded yet; the history's tables appear with the first build (src/mart/schema.sql). */
async function historyIsEmpty(ctx: RefreshContext): Promise<boolean> {
  const exists = await ctx.warehouse.scalar("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'mart' AND table_name = 'flag_months'");
  return Number(exists) === 0 || Number(await ctx.warehouse.scalar("SELECT count(*) FROM mart.flag_months")) === 0;
}
