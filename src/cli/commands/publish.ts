import { resolve } from "node:path";
import type { Command } from "commander";
import type { EditionName } from "../../../dashboards/components/edition.ts";
import type { Lang } from "../../core/lang.ts";
import { liveVersion, publicationCancelled, publishEdition, rollbackSite, type Published } from "../../site/publish.ts";
import { storageFault } from "../../warehouse/faults.ts";
import { dbPath, ROOT, type GlobalOptions } from "../context.ts";
import { buildSettings, editionOption, freshenSiteData } from "./build.ts";

/** `imaginecole publish --edition E --to DIR` and `imaginecole publish --rollback --to DIR`. */
export function addPublishCommand(program: Command, globals: () => GlobalOptions, lang: () => Lang): void {
  program
    .command("publish")
    .description("construit une édition et la met en ligne d'un seul coup / builds an edition and swaps it live at once")
    .addOption(editionOption())
    .requiredOption("--to <dir>", "site en ligne (un lien vers sa version) / live site (a link to its version)")
    .option("--rollback", "remet en ligne la version précédente / puts the previous version back live")
    .action(async (o: { edition: EditionName; to: string; rollback?: boolean }) => publishCommand(globals(), lang(), o));
}

export async function publishCommand(
  options: GlobalOptions,
  lang: Lang,
  o: { edition: EditionName; to: string; rollback?: boolean },
): Promise<void> {
  const to = resolve(ROOT, o.to);
  if (o.rollback) {
    report(lang, await rollbackSite(to), true);
    return;
  }
  try {
    await freshenSiteData(options, lang);
  } catch (error) {
    // Bringing the data up to date failed (a damaged warehouse, say): nothing was built or swapped.
    throw publicationCancelled(liveVersion(to), storageFault(error, dbPath(options)) ?? error);
  }
  const { edition, ...build } = buildSettings(options, o.edition);
  report(lang, await publishEdition(to, edition, build), false);
}

function report(lang: Lang, p: Published, rollback: boolean): void {
  const fr = rollback
    ? `Version précédente rétablie : ${p.live} → ${p.version}`
    : `Publié : ${p.live} → ${p.version}${p.previous ? ` (précédente gardée : ${p.previous})` : ""}`;
  const en = rollback
    ? `Previous version back live: ${p.live} → ${p.version}`
    : `Published: ${p.live} → ${p.version}${p.previous ? ` (previous kept: ${p.previous})` : ""}`;
  process.stdout.write(`${lang === "fr" ? fr : en}\n`);
}
