import { resolve } from "node:path";
import { z } from "zod";
import { kindName } from "../sources/plugin.ts";
import { findKind, KIND_NAMES, PLUGINS, type SourceConfig } from "../sources/registry.ts";
import { readConfigFile } from "./file.ts";
import { describeIssues, invalidConfiguration, said } from "./issues.ts";
import { phaseSchema } from "./phase.ts";
import { coordinatorSchema } from "./coordinator.ts";
import { siteSchema } from "./site.ts";

export { CONFIG_ENV, DEMO_CONFIG } from "./file.ts";
export type { CoordinatorConfig, DigestConfig } from "./coordinator.ts";

/**
 * One entry of `sources`: checked against the schema of the kind it names, so each problem is
 * reported at its path within the entry (`sources[2].spreadsheets.GN`).
 */
const sourceEntry = z.unknown().transform((entry, ctx): SourceConfig => {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
    ctx.addIssue({ code: "invalid_type", expected: "object", input: entry });
    return z.NEVER;
  }
  const kind = (entry as { kind?: unknown }).kind;
  const found = typeof kind === "string" ? findKind(kind) : undefined;
  if (!found) {
    const known = KIND_NAMES.join(", ");
    ctx.addIssue({
      code: "custom",
      path: ["kind"],
      input: kind,
      ...(kind === undefined
        ? said(`type de source manquant ; types connus : ${known}`, `kind of source missing; known kinds: ${known}`)
        : said(`type de source inconnu ${JSON.stringify(kind)} ; types connus : ${known}`, `unknown kind of source ${JSON.stringify(kind)}; known kinds: ${known}`)),
    });
    return z.NEVER;
  }
  const parsed = found.kind.settings.safeParse(entry, { reportInput: true });
  if (parsed.success) return parsed.data as SourceConfig;
  const settings = Object.keys(found.kind.settings.shape).join(", ");
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        ctx.addIssue({
          code: "custom",
          path: [...issue.path, key],
          ...said(
            `paramètre inconnu pour une source « ${kind} » ; ses paramètres : ${settings}`,
            `unknown setting for a "${kind}" source; its settings: ${settings}`,
          ),
        });
      }
    } else {
      ctx.addIssue(issue as z.core.$ZodRawIssue);
    }
  }
  return z.NEVER;
});

const configSchema = z
  .strictObject({
    /** True for the bundled demo: the demo hashing key is allowed. */
    demo: z.boolean(),
    /** Demo only: the folder the demo generator writes the inputs to, generated when absent. */
    demoInputs: z.string().min(1).optional(),
    phase: phaseSchema,
    sources: z.array(sourceEntry),
    /** Folder of the Hive-partitioned Parquet copy of usage events, rewritten when data changed. */
    lake: z.string().min(1).optional(),
    /** The site's editions and where they are published (src/config/site.ts). */
    site: siteSchema.optional(),
    /** The coordinator's monthly note and the digests to the countries (src/config/coordinator.ts). */
    coordinator: coordinatorSchema.optional(),
    /** Before the reference became a source: named so an older file says what to change. */
    countries: z.unknown().refine((value) => value === undefined, said(
      "la référence des pays est désormais une source : remplacez « countries » par l'entrée { \"kind\": \"reference\", \"name\": \"countries\", \"path\": … } dans sources",
      'the country reference is now a source: replace "countries" with the entry { "kind": "reference", "name": "countries", "path": … } in sources',
    )).optional(),
  })
  .superRefine((config, ctx) => {
    const firstWithName = new Map<string, number>();
    config.sources.forEach((source, i) => {
      const first = firstWithName.get(source.name);
      if (first === undefined) firstWithName.set(source.name, i);
      else {
        ctx.addIssue({
          code: "custom",
          path: ["sources", i, "name"],
          ...said(`nom déjà pris par sources[${first}] : chaque source a son propre nom`, `name already used by sources[${first}]: each source has its own name`),
        });
      }
    });
    for (const plugin of PLUGINS.filter((p) => p.foundation)) {
      const kinds = plugin.kinds.map(kindName);
      if (config.sources.some((s) => kinds.includes(s.kind))) continue;
      const named = kinds.map((k) => `"${k}"`).join(" / ");
      ctx.addIssue({
        code: "custom",
        path: ["sources"],
        ...said(
          `aucune source ${named} : elle est chargée en premier à chaque exécution, ajoutez-en une`,
          `no ${named} source: it is loaded first on every run, add one`,
        ),
      });
    }
  });

export type PipelinesConfig = Omit<z.infer<typeof configSchema>, "countries">;

/**
 * The configuration named by --config or IMAGINECOLE_CONFIG, else the bundled demo one, checked
 * against the schemas of the kinds it names: a problem stops here with its JSON path, in French
 * and English (a usage error), before any source runs.
 */
export function loadConfig(root: string, explicit?: string): { path: string; config: PipelinesConfig } {
  const { path, json } = readConfigFile(root, explicit);
  return { path, config: parseConfig(json, path) };
}

/** Checks a configuration's JSON; `file` names it in the error. */
export function parseConfig(json: unknown, file: string): PipelinesConfig {
  const parsed = configSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) throw invalidConfiguration(file, describeIssues(parsed.error.issues));
  const { countries: _, ...config } = parsed.data;
  return config;
}

/** The country reference file the configuration names (its `reference` source), absolute. */
export function countriesPath(config: PipelinesConfig, root: string): string {
  const reference = config.sources.find((s) => s.kind === "reference");
  return resolve(root, reference && "path" in reference ? reference.path : "pipelines/reference/countries.csv");
}
