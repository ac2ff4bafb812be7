import { Cron } from "croner";
import { z } from "zod";
import { said } from "../config/issues.ts";
import type { RunContext } from "../context/run-context.ts";
import type { LoadResult } from "../warehouse/batch.ts";

export { said };

/**
 * What a kind of source is to the pipeline: the settings a configuration entry gives it (a zod
 * schema, so the configuration is checked when loaded and the connector's types are inferred from
 * it) and how a configured source runs. A folder under src/sources/ declares its kinds in its
 * plugin.ts and is one line of registry.ts; the connector itself is imported only when it runs.
 */
export interface SourceKind<Schema extends SettingsSchema = SettingsSchema> {
  /** The entry's settings; `kind` is a literal, the name configuration files use. */
  settings: Schema;
  /** Runs a configured source (and `check`, with ctx.dryRun): one result per batch. */
  run(ctx: RunContext, settings: z.infer<Schema>): Promise<LoadResult[]>;
  /**
   * After a run's mart build (never on a dry run): reports back to where the source came from
   * (the sheets' Contrôles tab), with each country's standing as the mart now says it.
   */
  afterMart?(ctx: RunContext, settings: z.infer<Schema>, standingOf: StandingOf): Promise<void>;
}

/** A country's standing as the last month the mart describes tells it: what a source reports back to its team. */
export interface CountryStanding {
  /** YYYY-MM */
  month: string;
  /** A target_status code (on_track, at_risk, off_track, no_target). */
  standing: string;
  figures: { label: { fr: string; en: string }; unit: string; value: number | null; target: number | null; target_status: string | null }[];
  /** Open flags (new or ongoing), with their sentence, the action the rule recommends and the ids involved. */
  flags: { flag_id: string; rule_id: string; message: { fr: string; en: string }; action: { fr: string; en: string }; ids: string[] }[];
}

/** A country's standing (ISO2), or null when the mart describes none yet. */
export type StandingOf = (country: string) => Promise<CountryStanding | null>;

/** An option of `import`/`check` (commander flags and help), e.g. `--country <iso2>`. */
export interface ImportOption {
  flags: string;
  help: { fr: string; en: string };
  /** The import refuses to start without it, naming the option. */
  required?: boolean;
}

/** `--country`, which most imports take. */
export const countryOption = { flags: "--country <iso2>", help: { fr: "pays (ISO2)", en: "country" } } satisfies ImportOption;

type OptionValues<Options extends Record<string, ImportOption>> = {
  [Key in keyof Options]: Options[Key] extends { required: true } ? string : string | undefined;
};

/** One-off files of a kind: `imaginecole import FILE… --source KIND` (and `check FILE…`, with ctx.dryRun). */
export interface FileImport<
  Options extends Record<string, ImportOption> = Record<string, ImportOption>,
  Configured = unknown,
> {
  /** The value of `--source`. */
  kind: string;
  /** The options it reads, by their commander names. */
  options: Options;
  /**
   * Imports the files (a folder stands for its files). `configured` are the configuration's sources
   * of this plugin's kinds, for settings an import shares with them (a profiles folder).
   */
  import(ctx: RunContext, files: string[], options: OptionValues<Options>, configured: Configured[]): Promise<LoadResult[]>;
}

export interface SourcePlugin<Kinds extends readonly SourceKind[] = readonly SourceKind[]> {
  /** Its folder under src/sources/. */
  name: string;
  kinds: Kinds;
  // biome-ignore lint/suspicious/noExplicitAny: any import's options and settings; sourcePlugin() checks each against its kinds
  import?: FileImport<any, any>;
  /** Loaded first on every run, whatever `--only` says; every configuration declares one. */
  foundation?: boolean;
  /** Its loads change core.usage_events, so the Parquet copy is rewritten after them. */
  usageEvents?: boolean;
}

/** The settings a kind's entries have, inferred from its schema. */
export type SettingsOf<Kinds extends readonly SourceKind[]> = z.infer<Kinds[number]["settings"]>;

/** Declares a plugin, checking each kind's `run` and the import's options against their schemas. */
export function sourcePlugin<
  // biome-ignore lint/suspicious/noExplicitAny: kinds of any settings; inference then narrows them to the ones given
  const Kinds extends readonly SourceKind<any>[],
  const Options extends Record<string, ImportOption> = Record<string, ImportOption>,
>(
  plugin: Omit<SourcePlugin<Kinds>, "import"> & { import?: FileImport<Options, SettingsOf<Kinds>> },
): SourcePlugin<Kinds> {
  return plugin;
}

/** A kind of source, its `run` typed by its schema. */
export function sourceKind<Schema extends SettingsSchema>(
  settings: Schema,
  run: (ctx: RunContext, settings: z.infer<Schema>) => Promise<LoadResult[]>,
  afterMart?: (ctx: RunContext, settings: z.infer<Schema>, standingOf: StandingOf) => Promise<void>,
): SourceKind<Schema> {
  return afterMart ? { settings, run, afterMart } : { settings, run };
}

/** The name configuration files give a kind. */
export function kindName(kind: SourceKind): string {
  return kind.settings.shape.kind.value;
}

// --- Pieces of schemas the kinds share -------------------------------------------------------

type SettingsShape = { kind: z.ZodLiteral<string>; name: z.ZodString; schedule: z.ZodOptional<z.ZodType<string>> };
export type SettingsSchema = z.ZodObject<SettingsShape & z.core.$ZodShape, z.core.$strict>;

/** A source's name: what `--only`, logs and cursors know it by. */
const sourceName = z
  .string()
  .refine((s) => /^[A-Za-z0-9][\w.-]*$/.test(s), said(
    "nom de source attendu : lettres, chiffres, « - », « _ » ou « . », sans espace (ex. regional-platform)",
    'expected a source name: letters, digits, "-", "_" or ".", no spaces (e.g. regional-platform)',
  ));

/** A cron expression (five or six fields), as `schedule` runs it. */
export const cronExpression = z.string().superRefine((pattern, ctx) => {
  try {
    new Cron(pattern).stop();
  } catch (error) {
    const why = (error as Error).message.replace(/^CronPattern: /, "");
    ctx.addIssue({
      code: "custom",
      input: pattern,
      ...said(
        `expression cron attendue, cinq champs (ex. « 15 * * * * ») : ${why}`,
        `expected a cron expression, five fields (e.g. "15 * * * *"): ${why}`,
      ),
    });
  }
});

/**
 * The settings of a kind: `kind`, `name`, optional `schedule`, then its own. Unknown settings are
 * refused, so a misspelt one is named rather than ignored.
 */
export function sourceSettings<const Kind extends string, Shape extends z.core.$ZodShape>(kind: Kind, shape: Shape) {
  return z.strictObject({ kind: z.literal(kind), name: sourceName, schedule: cronExpression.optional(), ...shape });
}

/** A path, relative to the project folder or absolute. */
export const path = z.string().min(1);

/** A country's two-letter ISO code (case does not matter). */
export const countryCode = z
  .string()
  .refine((s) => /^[A-Za-z]{2}$/.test(s), said("code pays ISO à deux lettres attendu (ex. SN)", "expected a two-letter ISO country code (e.g. SN)"));

/** An http(s) address. */
export const httpUrl = z
  .string()
  .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), said(
    "adresse http(s) attendue (ex. https://lrs.example.org/xapi)",
    "expected an http(s) address (e.g. https://lrs.example.org/xapi)",
  ));

/** The name of an environment variable. */
export const envName = z
  .string()
  .refine((s) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s), said(
    "nom de variable d'environnement attendu (ex. IMAGINECOLE_LRS_USER)",
    "expected an environment variable name (e.g. IMAGINECOLE_LRS_USER)",
  ));
