import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { type FileHandle, open, readFile, rename, stat, unlink } from "node:fs/promises";
import { dirname } from "node:path";

/** What a lock file holds: who took it and when, so anyone can tell a live holder from a dead one. */
export interface LockHolder {
  pid: number;
  startedAt: string;
  token: string;
}

export interface RunLock {
  readonly holder: LockHolder;
  release(): Promise<void>;
}

/** A lock file still empty after this long was left by a process that died while writing it. */
const EMPTY_LOCK_GRACE_MS = 5_000;

/**
 * Takes the run lock at `path`, or returns null when a live process holds it (this one
 * included). A lock whose process is gone is stale and taken over, so a crash never leaves
 * the runs stuck.
 */
export async function acquireRunLock(path: string): Promise<RunLock | null> {
  mkdirSync(dirname(path), { recursive: true });
  const holder: LockHolder = { pid: process.pid, startedAt: new Date().toISOString(), token: randomUUID() };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await createExclusive(path, holder)) return lockFor(path, holder);
    const current = await readHolder(path);
    if (current === "missing") continue;
    if (current === "empty" ? !(await olderThan(path, EMPTY_LOCK_GRACE_MS)) : holds(current)) return null;
    if (!(await takeOver(path, current))) return null;
  }
  return null;
}

/**
 * Whether the holder is still running. A pid alone is not enough: after a crash and a reboot the
 * lock file is still there and its pid may belong to another program by now, one that started
 * after the lock was taken.
 */
function holds(holder: LockHolder): boolean {
  if (!isAlive(holder.pid)) return false;
  const started = processStartMs(holder.pid);
  const taken = Date.parse(holder.startedAt);
  return started === null || Number.isNaN(taken) || started <= taken + START_TOLERANCE_MS;
}

/** Clock ticks and boot time round a process's start to 10 ms and a second. */
const START_TOLERANCE_MS = 2_000;

/** When a process started, from /proc (Linux); null where that cannot be read. */
export function processStartMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const ticks = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
    const boot = Number(/^btime (\d+)$/m.exec(readFileSync("/proc/stat", "utf8"))?.[1]);
    if (!Number.isFinite(ticks) || !Number.isFinite(boot)) return null;
    return boot * 1000 + (ticks * 1000) / 100;
  } catch {
    return null;
  }
}

/** Whether a process with this pid exists; EPERM means it exists but belongs to someone else. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Reads the current holder, for messages such as "another run (pid 123, since …) is in progress". */
export async function readHolder(path: string): Promise<LockHolder | "empty" | "missing"> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (typeof parsed.pid === "number" && typeof parsed.token === "string") {
      return { pid: parsed.pid, startedAt: String(parsed.startedAt ?? ""), token: parsed.token };
    }
  } catch {
    // A half-written or foreign file: judged by its age below.
  }
  return "empty";
}

async function createExclusive(path: string, holder: LockHolder): Promise<boolean> {
  let handle: FileHandle;
  try {
    handle = await open(path, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    await handle.writeFile(JSON.stringify(holder) + "\n");
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * Moves the stale file aside under a unique name, then checks that what was moved is the stale
 * lock that was judged: if a rival took the lock over in between, its fresh lock is put back.
 */
async function takeOver(path: string, stale: LockHolder | "empty"): Promise<boolean> {
  const aside = `${path}.stale-${process.pid}-${randomUUID().slice(0, 8)}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return true;
    throw error;
  }
  const moved = await readHolder(aside);
  const same = stale === "empty" ? moved === "empty" : moved !== "empty" && moved !== "missing" && moved.token === stale.token;
  if (!same) {
    await rename(aside, path).catch(() => undefined);
    return false;
  }
  await unlink(aside).catch(() => undefined);
  return true;
}

async function olderThan(path: string, ms: number): Promise<boolean> {
  try {
    return Date.now() - (await stat(path)).mtimeMs > ms;
  } catch {
    return true;
  }
}

function lockFor(path: string, holder: LockHolder): RunLock {
  let released = false;
  return {
    holder,
    async release() {
      if (released) return;
      released = true;
      const current = await readHolder(path);
      // Never remove a lock someone else took over after judging this one stale.
      if (current !== "empty" && current !== "missing" && current.token === holder.token) await unlink(path);
    },
  };
}
