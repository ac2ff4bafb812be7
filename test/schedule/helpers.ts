import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "imaginecole-schedule-"));
}

/** Polls until `condition` holds; fails the test with `what` if it never does. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A real second process holding the lock at `lockPath`, ready once it printed "held". */
export async function childHoldingLock(lockPath: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", join("test", "schedule", "fixtures", "hold-lock.ts"), lockPath], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString()));
  await waitFor(() => out.includes("\n") || child.exitCode !== null, "the child to report on the lock");
  if (!out.startsWith("held")) throw new Error(`child could not take the lock: ${out}`);
  return child;
}

export async function killAndWait(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

/** The pid of a process that has already exited. */
export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.once("exit", resolve));
  return child.pid ?? 0;
}
