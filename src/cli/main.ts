import { Command, CommanderError, Option } from "commander";
import { EXIT, ImaginEcoleError } from "../core/errors.ts";
import { asUserError } from "../core/faults.ts";
import { resolveLang, type Lang } from "../core/lang.ts";
import { storageFault } from "../warehouse/faults.ts";
import { dbPath, type GlobalOptions } from "./context.ts";
import { IMPORT_KIND_NAMES, importOptions } from "../sources/registry.ts";
import { addBuildCommand } from "./commands/build.ts";
import { addPublishCommand } from "./commands/publish.ts";

const program = new Command("imaginecole")
  .description("ImaginEcole: indicateurs de la formation à distance / distance-learning indicators")
  .option("--db <path>", "entrepôt DuckDB / DuckDB warehouse (IMAGINECOLE_DB, défaut data/warehouse.duckdb)")
  .option("--config <path>", "configuration des pipelines / pipelines configuration (IMAGINECOLE_CONFIG, défaut pipelines/demo.json)")
  .addOption(new Option("--lang <lang>", "langue des messages / message language").choices(["fr", "en"]))
  .addOption(new Option("--log-format <format>", "journal lisible ou JSON / log format").choices(["text", "json"]).default("text"))
  .showHelpAfterError()
  .exitOverride();

const globals = (): GlobalOptions => program.opts<GlobalOptions>();
// Each command's module is loaded when that command runs: `status` or `--help` need not load the
// Excel, Parquet, PDF, Word, mail and Google clients that other commands use.
const commands = {
  run: () => import("./commands/run.ts"),
  import: () => import("./commands/import.ts"),
  status: () => import("./commands/status.ts"),
  export: () => import("./commands/export.ts"),
  note: () => import("./commands/note.ts"),
  digest: () => import("./commands/digest.ts"),
  schedule: () => import("./commands/schedule.ts"),
  sheets: () => import("./commands/sheets.ts"),
  demo: () => import("./commands/demo.ts"),
  serve: () => import("./commands/serve.ts"),
  backup: () => import("./commands/backup.ts"),
};
const lang = () => resolveLang(globals().lang, process.env);

program
  .command("run")
  .description("exécute les pipelines configurés une fois / runs the configured pipelines once")
  .option("--only <source...>", "seulement ces sources (nom ou type) / only these sources (name or kind)")
  .action(async (o: { only?: string[] }) => (await commands.run()).runCommand(globals(), lang(), { only: o.only, dryRun: false }));

/** `--source` and the options the registered import kinds read, each saying which kinds read it. */
const withImportOptions = (command: Command) => {
  command.argument("[files...]").addOption(new Option("--source <kind>", "type de fichier / file kind").choices([...IMPORT_KIND_NAMES]));
  for (const { option, kinds } of importOptions()) {
    command.option(option.flags, `${option.help.fr} / ${option.help.en} [${kinds.join(", ")}]`);
  }
  return command;
};

withImportOptions(program.command("import"))
  .description("importe des fichiers une fois / one-off import of files")
  .action(async (files: string[], o) => (await commands.import()).importCommand(globals(), lang(), files, o, false));

withImportOptions(program.command("check"))
  .description("comme run/import mais n'écrit rien / like run or import, but writes nothing")
  .option("--only <source...>", "seulement ces sources / only these sources")
  .action(async (files: string[], o) =>
    files.length === 0
      ? (await commands.run()).runCommand(globals(), lang(), { only: o.only, dryRun: true })
      : (await commands.import()).importCommand(globals(), lang(), files, o, true),
  );

program
  .command("status")
  .description("derniers chargements, dates des sources, rejets ouverts / last loads, dates of the sources, open rejects")
  .option("--json", "sortie JSON / JSON output")
  .option("--country <code>", "un pays : code ou nom, ses onglets et fichiers / one country: code or name, its tabs and files")
  .action(async (o: { json?: boolean; country?: string }) => (await commands.status()).statusCommand(globals(), lang(), o));

program
  .command("export")
  .description("instantané pour les bailleurs / donor snapshot")
  .option("--period <period>", "période : 2026-10, 2026-Q3 ou 2026 / period: month, quarter or year")
  .option("--as-of <date>", "date d'arrêt (AAAA-MM-JJ) : la phase à date / as-of date: the phase to date")
  .requiredOption("--out <dir>", "dossier de sortie / output folder")
  .option("--format <formats>", "xlsx,csv,parquet,json,pdf,iati", "xlsx,csv,parquet,json")
  .option("--suppress-below <n>", "masque les effectifs plus petits / suppress smaller counts", "5")
  .action(async (o) => (await commands.export()).exportCommand(globals(), lang(), o));

program
  .command("note")
  .description("note mensuelle de la coordination, Word et PDF / the coordinator's monthly note, Word and PDF")
  .option("--month <month>", "mois décrit (AAAA-MM), défaut le dernier / month described (YYYY-MM), default the last")
  .option("--out <dir>", "dossier de sortie / output folder", "data/notes")
  .option("--no-pdf", "Word seulement / Word only")
  .action(async (o: { month?: string; out: string; pdf: boolean }) => (await commands.note()).noteCommand(globals(), lang(), o));

program
  .command("digest")
  .description("courriel mensuel à chaque pays / monthly e-mail to each country")
  .option("--month <month>", "mois décrit (AAAA-MM), défaut le dernier / month described (YYYY-MM), default the last")
  .option("--dry-run", "affiche les courriels sans les envoyer / prints the e-mails, sends nothing")
  .action(async (o: { month?: string; dryRun?: boolean }) => (await commands.digest()).digestCommand(globals(), lang(), o));

program
  .command("schedule")
  .description("reste actif et exécute les pipelines selon leur calendrier / runs pipelines on their cron schedules")
  .action(async () => (await commands.schedule()).scheduleCommand(globals(), lang()));

const sheets = program.command("sheets").description("feuilles Google des pays / country Google Sheets");
sheets
  .command("init")
  .description("met en place ou répare le modèle dans la feuille d'un pays / lays out or repairs the template in a country spreadsheet")
  .requiredOption("--country <pays>", "pays (code ou nom) ou regional / country (code or name) or regional")
  .option("--spreadsheet <id|url>", "feuille créée par l'équipe et partagée avec le compte de service / spreadsheet the team created and shared with the service account")
  .action(async (o: { country: string; spreadsheet?: string }) => (await commands.sheets()).sheetsInitCommand(globals(), lang(), o));
sheets
  .command("template")
  .description("écrit le modèle hors ligne (.xlsx) / writes the offline template (.xlsx)")
  .requiredOption("--country <pays>", "pays (code ou nom) ou regional / country (code or name) or regional")
  .requiredOption("--out <file.xlsx>", "fichier à écrire / file to write")
  .action(async (o: { country: string; out: string }) => (await commands.sheets()).sheetsTemplateCommand(globals(), lang(), o));

program
  .command("demo")
  .description("génère les données de démonstration / generates the demo inputs")
  .option("--out <dir>", "dossier / folder", "data/demo")
  .option("--scale <n>", "facteur de volume / volume factor", "1")
  .option("--seed <n>", "graine / seed")
  .option("--as-of <date>", "date de référence (AAAA-MM-JJ) / reference date")
  .action(async (o) => (await commands.demo()).demoCommand(lang(), o));

program
  .command("serve")
  .description("sert le tableau de bord construit sur 127.0.0.1 / serves the built dashboard on 127.0.0.1")
  .option("--dir <dir>", "site construit / built site", "dist")
  .option("--port <n>", "port", "3000")
  .action(async (o: { dir: string; port: string }) => (await commands.serve()).serveCommand(lang(), o));

program
  .command("backup")
  .description("copie cohérente de l'entrepôt / consistent copy of the warehouse")
  .requiredOption("--out <dir>", "dossier de la sauvegarde / backup folder")
  .action(async (o: { out: string }) => (await commands.backup()).backupCommand(globals(), lang(), o));

addBuildCommand(program, globals, lang);
addPublishCommand(program, globals, lang);

// Whatever fails, and wherever (a stream's error event included), the user reads a message saying
// what happened, where and what to do; the stack only with IMAGINECOLE_DEBUG=1.
process.on("uncaughtException", (error) => {
  process.exitCode = handle(error);
  process.exit();
});
process.on("unhandledRejection", (error) => {
  process.exitCode = handle(error);
  process.exit();
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = handle(error);
}

function handle(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (process.env.IMAGINECOLE_DEBUG && error instanceof Error && !(error instanceof ImaginEcoleError)) {
    process.stderr.write(`${error.stack}\n`);
  }
  // A fault of a file or of the warehouse said as such; anything else by its first line.
  const doing = `imaginecole ${commandName()}`.trim();
  const shown = storageFault(error, dbPath(globals())) ?? asUserError(error, doing);
  process.stderr.write(shown.text(safeLang()) + "\n");
  return shown.exitCode;
}

/** The command that was running, as the user typed it. */
function commandName(): string {
  const names = new Set(program.commands.map((c) => c.name()));
  return process.argv.slice(2).find((arg) => names.has(arg)) ?? "";
}

/** The user's language, even when the options themselves are what failed. */
function safeLang(): Lang {
  try {
    return lang();
  } catch {
    return "fr";
  }
}
