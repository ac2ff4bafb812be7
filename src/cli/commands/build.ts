import { resolve } from "node:path";
import { Option, type Command } from "commander";
import { EDITIONS, type EditionName } from "../../../dashboards/components/edition.ts";
import { countriesPath, loadConfig } from "../../config/pipelines.ts";
import { editionOf, siteSettings } from "../../config/site.ts";
import type { Lang } from "../../core/lang.ts";
import { buildDashboard } from "../../site/build.ts";
import { existsSync } from "node:fs";
import { dbPath, openForReading, ROOT, type GlobalOptions } from "../context.ts";

/** `imaginecole build [--edition internal|public] [--out DIR]`. */
export function addBuildCommand(program: Command, globals: () => GlobalOptions, lang: () => Lang): void {
  program
    .command("build")
    .description("construit le tableau de bord / builds the dashboard")
    .addOption(editionOption())
    .option("--out <dir>", "dossier du site (défaut dist/) / site folder (default dist/)")
    .action(async (o: { edition: EditionName; out?: string }) => buildCommand(globals(), lang(), o));
}

export function editionOption(): Option {
  return new Option("--edition <edition>", "édition : interne (tout) ou publique / internal (everything) or public edition")
    .choices([...EDITIONS])
    .default("internal");
}

/** What a build of the configured edition needs besides its output folder. */
export function buildSettings(options: GlobalOptions, edition: EditionName) {
  const { path, config } = loadConfig(ROOT, options.config);
  return {
    edition: editionOf(edition, siteSettings(config.site, path)),
    db: dbPath(options),
    countries: process.env.IMAGINECOLE_COUNTRIES ?? countriesPath(config, ROOT),
  };
}

/** The site's data loaders read the mart: rebuilt first if a load left it stale (a missing warehouse is the build's to report). */
export async function freshenSiteData(options: GlobalOptions, lang: Lang): Promise<void> {
  if (existsSync(dbPath(options))) (await openForReading(options, lang)).close();
}

export async function buildCommand(options: GlobalOptions, lang: Lang, o: { edition: EditionName; out?: string }): Promise<void> {
  await freshenSiteData(options, lang);
  const { edition, ...rest } = buildSettings(options, o.edition);
  const { out } = await buildDashboard({ ...rest, edition, out: o.out === undefined ? undefined : resolve(ROOT, o.out) });
  process.stdout.write(
    (lang === "fr" ? `Site, édition ${edition.name === "public" ? "publique" : "interne"} : ${out}` : `Site, ${edition.name} edition: ${out}`) + "\n",
  );
}
