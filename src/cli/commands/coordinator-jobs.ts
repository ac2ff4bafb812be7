import { resolve } from "node:path";
import type { PipelinesConfig } from "../../config/pipelines.ts";
import type { Lang } from "../../core/lang.ts";
import { failedDigests, sendDigests } from "../../digest/index.ts";
import { writeNote } from "../../note/index.ts";
import type { ScheduledJob } from "../../schedule/index.ts";
import { Warehouse } from "../../warehouse/warehouse.ts";
import { dbPath, freshenMart, openContext, ROOT, type GlobalOptions } from "../context.ts";

/**
 * The coordinator's outputs on their cron lines: the note for the last month described, in each
 * language configured, and the digests (a failed one makes the job fail, so the scheduler retries it).
 */
export function coordinatorJobs(options: GlobalOptions, lang: Lang, config: PipelinesConfig, log: (m: string) => void): ScheduledJob[] {
  const jobs: ScheduledJob[] = [];
  const note = config.coordinator?.note;
  if (note?.schedule) {
    jobs.push({
      name: "note",
      cron: note.schedule,
      run: async () => {
        const warehouse = await Warehouse.open(dbPath(options));
        try {
          await freshenMart(warehouse, options, lang);
          for (const l of note.langs ?? [lang]) {
            const files = await writeNote(warehouse, { lang: l, outDir: resolve(ROOT, note.out) });
            log(`[note] ${files.docx}${files.pdf ? `, ${files.pdf}` : ""}`);
          }
        } finally {
          warehouse.close();
        }
      },
    });
  }
  const digest = config.coordinator?.digest;
  if (digest?.schedule) {
    jobs.push({
      name: "digest",
      cron: digest.schedule,
      run: async () => {
        const { ctx } = await openContext(options, lang);
        try {
          await freshenMart(ctx.warehouse, options, lang);
          const { outcomes } = await sendDigests(ctx, config.coordinator);
          const failure = failedDigests(outcomes);
          if (failure) throw new Error(failure.text(lang));
        } finally {
          ctx.warehouse.close();
        }
      },
    });
  }
  return jobs;
}
