import { copyFile, mkdir, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { DEFAULT_PROFILES_DIR, type NationalCsvSource } from "./settings.ts";
import { EXIT, ImaginEcoleError } from "../../core/errors.ts";
import type { RunContext } from "../../context/run-context.ts";
import { sideBySide } from "../../context/side-by-side.ts";
import { isMember, readCountries, unknownCountry } from "../reference/lookup.ts";
import { say } from "../../core/message.ts";
import { alreadyLoaded, loadBatch, type LoadResult, skipBatch } from "../../warehouse/batch.ts";
import { knownHash, modifiedAt } from "../../warehouse/content-hash.ts";
import { type FileNotes, withFileNotes } from "../../warehouse/file-notes.ts";
import { findLayout, type Layout } from "./header.ts";
import { loadNationalRows, prepareConnection, SOURCE, underImportMemoryLimitIfLarge, type FileOutcome } from "./load.ts";
import { resolveProfile, type NationalProfile } from "./profile.ts";
import { scanFile, type Scan } from "./scan.ts";

export { SOURCE } from "./load.ts";
export { parseProfile, resolveProfile, CANONICAL_PROFILE, type NationalProfile } from "./profile.ts";

export { DEFAULT_PROFILES_DIR };

/**
 * `run`: every file in `<inbox>/<ISO2>/`, oldest first, one batch each, countries side by side.
 * Content already loaded is skipped; imported files are copied to `<archive>/<ISO2>/<sha256>.csv`
 * when `archive` is set.
 */
export async function runNationalCsv(ctx: RunContext, source: NationalCsvSource): Promise<LoadResult[]> {
  const inbox = resolve(ctx.root, source.inbox);
  if (!existsSync(inbox)) {
    ctx.log(say(ctx, { fr: `Dossier de dépôt ${inbox} absent : aucun export national à lire.`, en: `Drop folder ${inbox} missing: no national export to read.` }));
    return [];
  }
  const profilesDir = resolve(ctx.root, source.profiles);
  const countries = (await readdir(inbox, { withFileTypes: true }))
    .filter((d) => d.isDirectory() && /^[A-Za-z]{2}$/.test(d.name))
    .map((d) => d.name)
    .sort();
  ctx.progress?.start(source.name, countries.length);
  const members = await readCountries(ctx);
  // Each country's files replace only that country's figures: countries load side by side.
  const lanes = Math.min(MAX_LANES, availableParallelism());
  const results = await sideBySide(ctx, countries, (_, index) => String(index % lanes), async (own, folder) => {
    const loaded = await runCountry(own, source, folder, members, profilesDir);
    ctx.progress?.tick();
    return loaded;
  });
  ctx.progress?.stop();
  return results.flat();
}

/** Countries loaded at the same time, at most. */
const MAX_LANES = 4;

/** The files of one country's drop folder, oldest first, one batch each. */
async function runCountry(
  ctx: RunContext,
  source: NationalCsvSource,
  folder: string,
  members: Awaited<ReturnType<typeof readCountries>>,
  profilesDir: string,
): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  const country = folder.toUpperCase();
  const files = await filesOldestFirst(join(resolve(ctx.root, source.inbox), folder));
  if (!isMember(members, country)) {
    const refused = unknownCountry(members, folder, { fr: `dossier de dépôt ${folder}`, en: `drop folder ${folder}` });
    ctx.log(refused.text(ctx.lang));
    for (const path of files) results.push(await failedBeforeBatch(ctx, path, country, refused));
    return results;
  }
  let profile: NationalProfile;
  try {
    profile = resolveProfile(profilesDir, country);
  } catch (error) {
    for (const path of files) results.push(await failedBeforeBatch(ctx, path, country, error));
    return results;
  }
  return withFileNotes(ctx.warehouse, ctx.now, (notes) => withWorkDir(async (workDir) => {
    for (const path of files) {
      const { result, sha256 } = await importFile(ctx, path, country, profile, workDir, notes);
      results.push(result);
      if (source.archive && sha256 && !ctx.dryRun && result.status !== "failed") {
        const dir = join(resolve(ctx.root, source.archive), country);
        await mkdir(dir, { recursive: true });
        const target = join(dir, `${sha256}.csv`);
        if (!existsSync(target)) await copyFile(path, target);
      }
    }
    return results;
  }));
}

/**
 * `import FILE… --source national-csv --country XX` (and `check`, with ctx.dryRun): the files
 * with the country's profile, a named one (`profile`), or the canonical headers.
 */
export async function importNationalCsv(
  ctx: RunContext,
  files: string[],
  options: { country: string; profile?: string; profilesDir?: string },
): Promise<LoadResult[]> {
  const country = options.country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) {
    throw new ImaginEcoleError({
      fr: `Code pays « ${options.country} » invalide : donnez le code ISO à deux lettres (ex. SN).`,
      en: `Invalid country code "${options.country}": give the two-letter ISO code (e.g. SN).`,
    }, EXIT.usage);
  }
  const profile = resolveProfile(resolve(ctx.root, options.profilesDir ?? DEFAULT_PROFILES_DIR), country, options.profile);
  return withFileNotes(ctx.warehouse, ctx.now, (notes) => withWorkDir(async (workDir) => {
    const results: LoadResult[] = [];
    for (const path of files) {
      if (!existsSync(path)) {
        throw new ImaginEcoleError({
          fr: `Fichier introuvable : ${path}. Vérifiez le chemin.`,
          en: `File not found: ${path}. Check the path.`,
        }, EXIT.usage);
      }
      results.push((await importFile(ctx, resolve(path), country, profile, workDir, notes)).result);
    }
    return results;
  }));
}

/** One work folder for the UTF-8 copies of a run's files (each file's copy replaces the last). */
async function withWorkDir<T>(work: (workDir: string) => Promise<T>): Promise<T> {
  const workDir = await mkdtemp(join(tmpdir(), "imaginecole-national-"));
  try {
    return await work(workDir);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function importFile(
  ctx: RunContext,
  path: string,
  country: string,
  profile: NationalProfile,
  workDir: string,
  notes: FileNotes,
): Promise<{ result: LoadResult; sha256: string | null }> {
  const file = basename(path);
  const known = await knownHash(ctx.warehouse, path);
  if (!ctx.dryRun && known.sha256 && (await alreadyLoaded(ctx.warehouse, SOURCE, known.sha256))) {
    // Unchanged since its content was loaded: recorded as skipped without being read again.
    const meta = { source: SOURCE, location: path, countryCode: country, contentSha256: known.sha256 };
    notes.place({ source: SOURCE, location: path, countryCode: country, editedAt: modifiedAt(known) });
    return { result: await skipBatch(ctx.warehouse, meta, notes), sha256: known.sha256 };
  }
  // DuckDB creates the macros while the file is read: they do not depend on it.
  const prepared = prepareConnection(ctx.warehouse);
  prepared.catch(() => {});
  let found: { scan: Scan; layout: Layout };
  try {
    const scan = await scanFile(path, file, profile.encoding, workDir);
    found = { scan, layout: findLayout(scan.head, scan.headComplete, profile, file) };
  } catch (error) {
    await prepared;
    return { result: await failedBeforeBatch(ctx, path, country, error), sha256: null };
  }
  await prepared;
  if (!ctx.dryRun) notes.hash(known, found.scan.sha256);
  let outcome: FileOutcome | undefined;
  const result = await underImportMemoryLimitIfLarge(ctx.warehouse, found.scan.records, () =>
    loadBatch(
      ctx.warehouse,
      { source: SOURCE, location: path, countryCode: country, contentSha256: found.scan.sha256 },
      async (batch) => {
        outcome = await loadNationalRows(batch, {
          file,
          country,
          profile,
          scan: found.scan,
          layout: found.layout,
          today: todayIn(profile.timezone, ctx.now),
        });
        return { rowsRead: outcome.rowsRead, rowsLoaded: outcome.rowsLoaded };
      },
      { dryRun: ctx.dryRun },
    ),
  );
  if (outcome) ctx.log(describe(ctx, country, file, profile, found, outcome, result));
  if (!ctx.dryRun && result.status !== "failed") notes.place({ source: SOURCE, location: path, countryCode: country, editedAt: modifiedAt(known) });
  return { result, sha256: found.scan.sha256 };
}

/** A file refused before its rows were read still leaves its trace in ops.loads (except on check). */
function failedBeforeBatch(ctx: RunContext, path: string, country: string, error: unknown): Promise<LoadResult> {
  return loadBatch(
    ctx.warehouse,
    { source: SOURCE, location: path, countryCode: country },
    async () => {
      throw error;
    },
    { dryRun: ctx.dryRun },
  );
}

async function filesOldestFirst(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() && !e.name.startsWith("."));
  const withTimes = await Promise.all(
    entries.map(async (e) => ({ path: join(dir, e.name), mtime: (await stat(join(dir, e.name))).mtimeMs })),
  );
  return withTimes.sort((a, b) => a.mtime - b.mtime || a.path.localeCompare(b.path)).map((f) => f.path);
}

/** Today's date where the platform is, as yyyy-mm-dd. */
export function todayIn(timezone: string, now: Date): string {
  // Time zone data takes ~10 ms to load on first use; UTC needs none.
  if (timezone === "UTC") return now.toISOString().slice(0, 10);
  return new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

function describe(
  ctx: RunContext,
  country: string,
  file: string,
  profile: NationalProfile,
  found: { scan: Scan; layout: Layout },
  outcome: FileOutcome,
  result: LoadResult,
): string {
  const delimiter = found.layout.delimiter === "\t" ? "tab" : found.layout.delimiter;
  const encoding = `${found.scan.encoding}${found.scan.bom ? " BOM" : ""}`;
  const totals = outcome.summaryLines.length > 0 ? outcome.summaryLines.join(", ") : null;
  return say(ctx, {
    fr: `${country}/${file} (${profile.name}, ${encoding}, « ${delimiter} », décimale « ${found.layout.decimal} », ${outcome.granularity === "day" ? "jours" : "mois"}) : ${result.rowsRead} lignes lues, ${result.rowsLoaded} chargées, ${result.rowsRejected} rejets${totals ? ` ; ligne(s) de total ignorée(s) : ${totals}` : ""}.`,
    en: `${country}/${file} (${profile.name}, ${encoding}, "${delimiter}", decimal "${found.layout.decimal}", ${outcome.granularity === "day" ? "days" : "months"}): ${result.rowsRead} rows read, ${result.rowsLoaded} loaded, ${result.rowsRejected} rejects${totals ? `; totals row(s) skipped: ${totals}` : ""}.`,
  });
}
