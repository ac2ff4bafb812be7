import { existsSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireRunLock, processStartMs } from "../../src/schedule/index.ts";
import { childHoldingLock, deadPid, killAndWait, tempDir } from "./helpers.ts";
import type { ChildProcess } from "node:child_process";

const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) await killAndWait(child);
});

describe("acquireRunLock(path)", () => {
  it("writes the holder's pid and start time, and refuses a second taker while held", async () => {
    const path = join(tempDir(), "run.lock");
    const lock = await acquireRunLock(path);
    expect(lock).not.toBeNull();
    const content = JSON.parse(readFileSync(path, "utf8")) as { pid: number; startedAt: string };
    expect(content.pid).toBe(process.pid);
    expect(Number.isNaN(Date.parse(content.startedAt))).toBe(false);
    expect(await acquireRunLock(path)).toBeNull();
    await lock?.release();
    expect(existsSync(path)).toBe(false);
    const again = await acquireRunLock(path);
    expect(again).not.toBeNull();
    await again?.release();
  });

  it("returns null while another live process holds the lock, and takes it once that process is killed", async () => {
    const path = join(tempDir(), "run.lock");
    const child = await childHoldingLock(path);
    children.push(child);
    expect(await acquireRunLock(path)).toBeNull();
    await killAndWait(child);
    const lock = await acquireRunLock(path);
    expect(lock).not.toBeNull();
    expect((JSON.parse(readFileSync(path, "utf8")) as { pid: number }).pid).toBe(process.pid);
    await lock?.release();
  });

  it("takes over a stale lock left by a dead pid", async () => {
    const path = join(tempDir(), "run.lock");
    const pid = await deadPid();
    writeFileSync(path, JSON.stringify({ pid, startedAt: "2026-11-01T00:00:00.000Z", token: "crashed" }));
    const lock = await acquireRunLock(path);
    expect(lock).not.toBeNull();
    expect((JSON.parse(readFileSync(path, "utf8")) as { token: string }).token).toBe(lock?.holder.token);
    await lock?.release();
  });

  it("takes over a lock whose pid now belongs to a process started after the lock was taken", async () => {
    const path = join(tempDir(), "run.lock");
    // This test's own process is alive, but it started long after 2020: the pid was reused.
    writeFileSync(path, JSON.stringify({ pid: process.pid, startedAt: "2020-01-01T00:00:00.000Z", token: "before-reboot" }));
    const lock = await acquireRunLock(path);
    expect(lock).not.toBeNull();
    await lock?.release();
  });

  it("processStartMs(pid) gives this process's start, close to what Node reports", () => {
    const fromNode = Date.now() - process.uptime() * 1000;
    expect(Math.abs((processStartMs(process.pid) ?? 0) - fromNode)).toBeLessThan(5_000);
  });

  it("respects a lock file still being written, and takes over one left empty long ago", async () => {
    const path = join(tempDir(), "run.lock");
    writeFileSync(path, "");
    expect(await acquireRunLock(path)).toBeNull();
    const old = new Date(Date.now() - 60_000);
    utimesSync(path, old, old);
    const lock = await acquireRunLock(path);
    expect(lock).not.toBeNull();
    await lock?.release();
  });

  it("release() leaves alone a lock that someone else has taken over", async () => {
    const path = join(tempDir(), "run.lock");
    const lock = await acquireRunLock(path);
    writeFileSync(path, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString(), token: "other" }));
    await lock?.release();
    expect((JSON.parse(readFileSync(path, "utf8")) as { token: string }).token).toBe("other");
  });
});
