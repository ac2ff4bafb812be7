import { kindName, type FileImport, type ImportOption, type SettingsOf, type SourceKind, type SourcePlugin } from "./plugin.ts";
import { moodleLogPlugin } from "./moodle-log/plugin.ts";
import { nationalCsvPlugin } from "./national-csv/plugin.ts";
import { referencePlugin } from "./reference/plugin.ts";
import { sheetsPlugin } from "./sheets/plugin.ts";
import { xapiPlugin } from "./xapi/plugin.ts";

/**
 * Every kind of source the pipeline knows. Adding one is a folder under src/sources/ with its
 * plugin.ts, and a line here; configuration checks, `run`, `import` and the command line's
 * options follow from it.
 */
export const PLUGINS = [referencePlugin, xapiPlugin, moodleLogPlugin, nationalCsvPlugin, sheetsPlugin] as const;

/** A configured source, of any kind: the union of the kinds' settings. */
export type SourceConfig = SettingsOf<(typeof PLUGINS)[number]["kinds"]>;

export interface FoundKind {
  plugin: SourcePlugin;
  kind: SourceKind;
}

/** Each configuration `kind` and what runs it. */
const KINDS = new Map<string, FoundKind>(PLUGINS.flatMap((plugin) => plugin.kinds.map((kind) => [kindName(kind), { plugin, kind }])));

/** The kinds a configuration may name, in registry order. */
export const KIND_NAMES: readonly string[] = [...KINDS.keys()];

export function findKind(kind: string): FoundKind | undefined {
  return KINDS.get(kind);
}

export interface FoundImport {
  plugin: SourcePlugin;
  fileImport: FileImport;
}

const IMPORTS = new Map<string, FoundImport>(
  PLUGINS.flatMap((plugin) => (plugin.import ? [[plugin.import.kind, { plugin, fileImport: plugin.import }]] : [])),
);

/** The values of `import --source`, in registry order. */
export const IMPORT_KIND_NAMES: readonly string[] = [...IMPORTS.keys()];

export function findImport(kind: string): FoundImport | undefined {
  return IMPORTS.get(kind);
}

/** Every option an import takes, once, with the import kinds that read it: the command line's options. */
export function importOptions(): { key: string; option: ImportOption; kinds: string[] }[] {
  const byKey = new Map<string, { key: string; option: ImportOption; kinds: string[] }>();
  for (const { fileImport } of IMPORTS.values()) {
    for (const [key, option] of Object.entries(fileImport.options)) {
      const known = byKey.get(key);
      if (known) known.kinds.push(fileImport.kind);
      else byKey.set(key, { key, option, kinds: [fileImport.kind] });
    }
  }
  return [...byKey.values()];
}
