// `imaginecole publish`: the live folder is a symbolic link, `DIR -> DIR.versions/<version>`. A new
// version is built into a folder of its own beside the live one; when, and only when, it is
// complete, a new link is made and renamed over `DIR` (rename(2) replaces it in one step), so a
// web server reading `DIR` serves either the old site or the new one, never half of each. A build
// that fails leaves the live link and its folder as they were. The version live before stays for
// `publish --rollback`; older ones are removed.
//
// A reader who loaded a page just before the swap then asks for its scripts and data, which are
// named by their content's hash: the new version carries the previous version's hashed files
// (hard links), so those requests still succeed. Only one generation is carried.
import {
  copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync,
  rmSync, symlinkSync, writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { errorText, EXIT, ImaginEcoleError } from "../core/errors.ts";
import type { Lang } from "../core/lang.ts";
import { say } from "../core/message.ts";
import type { Edition } from "../../dashboards/components/edition.ts";
import { acquireRunLock } from "../schedule/run-lock.ts";
import { buildDashboard, buildStamp, type BuildOptions } from "./build.ts";
import { filesUnder } from "./compress.ts";
import { HASHED_ASSET } from "./headers.ts";

export interface PublishOptions {
  /** The live folder: a symbolic link that publish creates and replaces. */
  to: string;
  /** Builds the complete site into `dir` (a new folder); `version` names it. */
  build: (dir: string, version: string) => Promise<void>;
  /** The new version's name; default from the time. */
  version?: string;
}

export interface Published {
  /** The live link. */
  live: string;
  /** The version now live. */
  version: string;
  /** The version kept for `publish --rollback`, if any. */
  previous: string | null;
}

/** What publish remembers beside the versions (`DIR.versions/publish.json`). */
interface State {
  live: string;
  previous: string | null;
}

export function versionsDir(to: string): string {
  return `${resolve(to)}.versions`;
}

/** The version `to` points at, or null before the first publish. */
export function liveVersion(to: string): string | null {
  const link = resolve(to);
  if (!existsSync(link) && !isLink(link)) return null;
  if (!isLink(link)) {
    throw new ImaginEcoleError({
      fr: `${link} est un dossier, pas le lien que « publish » remplace. Déplacez-le (mv ${link} ${link}.old) puis publiez à nouveau.`,
      en: `${link} is a folder, not the link "publish" replaces. Move it away (mv ${link} ${link}.old), then publish again.`,
    }, EXIT.usage);
  }
  return basename(readlinkSync(link));
}

/** Builds the edition from the warehouse and publishes it to `to`. */
export function publishEdition(
  to: string,
  edition: Edition,
  build: Omit<BuildOptions, "out" | "edition" | "stamp"> = {},
): Promise<Published> {
  return publishSite({
    to,
    build: async (dir, version) => {
      await buildDashboard({ ...build, out: dir, edition, stamp: version });
    },
  });
}

/**
 * Publishes each edition where the configuration says (`site.publish`), one after the other; an
 * edition that fails does not stop the others, and the first failure is raised at the end.
 */
export async function publishEditions(
  targets: { edition: Edition; to: string }[],
  build: Omit<BuildOptions, "out" | "edition" | "stamp">,
  log: (message: string) => void,
  lang: Lang,
): Promise<void> {
  let failure: unknown = null;
  for (const { edition, to } of targets) {
    try {
      const p = await publishEdition(to, edition, build);
      log(say(lang, { fr: `Édition ${edition.name} publiée : ${p.live} -> ${p.version}`, en: `Published the ${edition.name} edition: ${p.live} -> ${p.version}` }));
    } catch (error) {
      const why = errorText(error, lang);
      log(say(lang, { fr: `La publication de l'édition ${edition.name} dans ${to} a échoué : ${why}`, en: `Publishing the ${edition.name} edition to ${to} failed: ${why}` }));
      failure ??= error;
    }
  }
  if (failure) throw failure;
}

/** Builds a new version beside the live one and swaps it in; the live site is untouched if the build fails. */
export async function publishSite(options: PublishOptions): Promise<Published> {
  const live = resolve(options.to);
  const versions = versionsDir(live);
  return withPublishLock(versions, async () => {
    const current = liveVersion(live);
    const version = options.version ?? buildStamp();
    for (const stale of readdirSync(versions).filter((n) => n.startsWith(".building-"))) {
      rmSync(join(versions, stale), { recursive: true, force: true });
    }
    const building = join(versions, `.building-${version}`);
    try {
      await options.build(building, version);
      if (!existsSync(join(building, "index.html"))) throw new Error("index.html missing from the built site");
    } catch (error) {
      rmSync(building, { recursive: true, force: true });
      throw publicationCancelled(current, error);
    }
    const carried = current ? carryHashedFiles(join(versions, current), building, readCarried(versions, current)) : [];
    writeFileSync(join(versions, `${version}.carried`), carried.join("\n"));
    renameSync(building, join(versions, version));
    writeState(versions, { live: version, previous: current });
    swapLink(live, version);
    prune(versions, [version, current]);
    return { live, version, previous: current };
  });
}

/** Puts the previous version back live; the version taken down stays until the next publish. */
export async function rollbackSite(to: string): Promise<Published> {
  const live = resolve(to);
  const versions = versionsDir(live);
  if (!existsSync(versions)) throw noPrevious(live);
  return withPublishLock(versions, async () => {
    const current = liveVersion(live);
    const state = readState(versions);
    if (!state || !current || state.live !== current || !state.previous || !existsSync(join(versions, state.previous))) {
      throw noPrevious(live);
    }
    writeState(versions, { live: state.previous, previous: null });
    swapLink(live, state.previous);
    return { live, version: state.previous, previous: null };
  });
}

/** A publication stopped before its swap: the live site is said unchanged, with the cause. */
export function publicationCancelled(current: string | null, error: unknown): ImaginEcoleError {
  const cause = error instanceof ImaginEcoleError ? error : null;
  return new ImaginEcoleError({
    fr: `Publication annulée, le site en ligne n'a pas changé (${current ?? "aucun"}) : ${cause?.bilingual.fr ?? String((error as Error)?.message ?? error)}`,
    en: `Publication cancelled, the live site is unchanged (${current ?? "none"}): ${cause?.bilingual.en ?? String((error as Error)?.message ?? error)}`,
  }, cause?.exitCode ?? EXIT.failed);
}

function noPrevious(live: string): ImaginEcoleError {
  return new ImaginEcoleError({
    fr: `Aucune version précédente de ${live} n'est gardée : rien à rétablir.`,
    en: `No previous version of ${live} is kept: nothing to roll back to.`,
  }, EXIT.usage);
}

async function withPublishLock<T>(versions: string, work: () => Promise<T>): Promise<T> {
  mkdirSync(versions, { recursive: true });
  const lockPath = join(versions, "publish.lock");
  const lock = await acquireRunLock(lockPath);
  if (!lock) {
    throw new ImaginEcoleError({
      fr: `Une autre publication vers ce dossier est en cours (${lockPath}). Réessayez quand elle sera finie.`,
      en: `Another publish to this folder is running (${lockPath}). Try again once it is done.`,
    }, EXIT.usage);
  }
  try {
    return await work();
  } finally {
    await lock.release();
  }
}

/** A new link beside the live one, renamed over it: rename(2) replaces the old link atomically. */
function swapLink(live: string, version: string): void {
  const next = `${live}.next-${process.pid}`;
  rmSync(next, { force: true });
  symlinkSync(join(basename(versionsDir(live)), version), next);
  renameSync(next, live);
}

/**
 * Hard-links into `to` the hashed files of `from` that `to` lacks, apart from those `from` itself
 * carried (one generation only); returns their paths.
 */
function carryHashedFiles(from: string, to: string, carriedByFrom: Set<string>): string[] {
  if (!existsSync(from)) return [];
  const carried: string[] = [];
  for (const file of filesUnder(from)) {
    if (carriedByFrom.has(file) || !HASHED_ASSET.test(`/${file.replace(/\.(?:gz|br)$/, "")}`)) continue;
    const target = join(to, file);
    if (existsSync(target)) continue;
    mkdirSync(dirname(target), { recursive: true });
    try {
      linkSync(join(from, file), target);
    } catch {
      copyFileSync(join(from, file), target);
    }
    carried.push(file);
  }
  return carried;
}

function readCarried(versions: string, version: string): Set<string> {
  const path = join(versions, `${version}.carried`);
  return new Set(existsSync(path) ? readFileSync(path, "utf8").split("\n").filter(Boolean) : []);
}

/** Removes every version but those kept, with their notes of carried files. */
function prune(versions: string, keep: (string | null)[]): void {
  const kept = new Set(keep.filter((k): k is string => k !== null));
  for (const name of readdirSync(versions)) {
    if (name === "publish.json" || name === "publish.lock" || name.startsWith(".")) continue;
    if (kept.has(name.replace(/\.carried$/, ""))) continue;
    rmSync(join(versions, name), { recursive: true, force: true });
  }
}

function readState(versions: string): State | null {
  const path = join(versions, "publish.json");
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as State) : null;
}

/** Written before the link is swapped, through a rename, so it is never half written. */
function writeState(versions: string, state: State): void {
  const path = join(versions, "publish.json");
  writeFileSync(`${path}.tmp`, JSON.stringify(state, null, 2));
  renameSync(`${path}.tmp`, path);
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
