import { resolve } from "node:path";
import { generateDemo } from "../../demo/generate.ts";
import type { Lang } from "../../core/lang.ts";
import { ROOT, logger, today } from "../context.ts";
import { say } from "../../core/message.ts";
import { formatNumber } from "../../core/format.ts";

export async function demoCommand(lang: Lang, o: { out: string; scale: string; seed?: string; asOf?: string }): Promise<void> {
  const manifest = await generateDemo({
    outDir: resolve(ROOT, o.out),
    scale: Number(o.scale),
    seed: o.seed ? Number(o.seed) : undefined,
    asOf: o.asOf ? new Date(`${o.asOf}T12:00:00Z`) : today(),
    log: logger("text"),
  });
  const [files, statements] = [formatNumber(lang, manifest.files.length), formatNumber(lang, manifest.statements)];
  process.stdout.write(say(lang, {
    fr: `${files} fichiers, ${statements} déclarations xAPI dans ${manifest.outDir}\n`,
    en: `${files} files, ${statements} xAPI statements in ${manifest.outDir}\n`,
  }));
}
