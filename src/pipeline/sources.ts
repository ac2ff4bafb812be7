import { EXIT, ImaginEcoleError } from "../core/errors.ts";
import { kindName } from "../sources/plugin.ts";
import { findImport, findKind, IMPORT_KIND_NAMES, KIND_NAMES, type SourceConfig } from "../sources/registry.ts";
import type { LoadResult } from "../warehouse/batch.ts";
import type { RunContext } from "../context/run-context.ts";
import { resolveCountry } from "../sources/reference/lookup.ts";

/** Runs a configured source with the connector of its kind (imported only now, so a run pays only for what it uses). */
export async function runSource(ctx: RunContext, source: SourceConfig): Promise<LoadResult[]> {
  const found = findKind(source.kind);
  if (!found) throw unknownKind(source.kind, KIND_NAMES);
  return found.kind.run(ctx, source);
}

/**
 * One-off import of files, as `imaginecole import FILE… --source KIND` (`check`: with ctx.dryRun).
 * `options` are the command line's; the kind reads those it declares. `configured` are the
 * configuration's sources, of which the kind sees its own.
 */
export async function importFiles(
  ctx: RunContext,
  kind: string,
  files: string[],
  options: Record<string, string | undefined>,
  configured: readonly SourceConfig[] = [],
): Promise<LoadResult[]> {
  const found = findImport(kind);
  if (!found) throw unknownKind(kind, IMPORT_KIND_NAMES);
  const own: Record<string, string | undefined> = {};
  for (const [key, option] of Object.entries(found.fileImport.options)) {
    const value = options[key];
    if (option.required && !value) throw missingOption(option.flags.split(" ")[0]!);
    own[key] = value;
  }
  // Every source takes a country by code or by name, and refuses one outside the programme.
  if (own.country !== undefined) own.country = await resolveCountry(ctx, own.country, { fr: "--country", en: "--country" });
  const kinds = found.plugin.kinds.map(kindName);
  return found.fileImport.import(ctx, files, own, configured.filter((s) => kinds.includes(s.kind)));
}

function missingOption(option: string): ImaginEcoleError {
  return new ImaginEcoleError({
    fr: `L'option ${option} est obligatoire pour ce type de source : ajoutez-la à la commande.`,
    en: `The option ${option} is required for this kind of source: add it to the command.`,
  }, EXIT.usage);
}

function unknownKind(kind: string, known: readonly string[]): ImaginEcoleError {
  return new ImaginEcoleError({
    fr: `Type de source inconnu « ${kind} » : types connus ${known.join(", ")}.`,
    en: `Unknown kind of source "${kind}": known kinds ${known.join(", ")}.`,
  }, EXIT.usage);
}
