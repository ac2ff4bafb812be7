// Loaded by vitest only under scripts/suite-cpu.ts: writes, for each test file, the worker that
// ran it, when (in clock ticks since boot, as /proc dates a process's start) and the CPU the worker
// itself spent on it, so that the processes a file started can be told from the other files'.
import { appendFileSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, expect } from "vitest";

const log = process.env.IMAGINECOLE_SUITE_CPU!;
const ticks = () => Math.round(Number(readFileSync("/proc/uptime", "utf8").split(" ")[0]) * 100);
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

let from = 0;
let cpu = 0;
beforeAll(() => {
  from = ticks();
  cpu = cpuSeconds();
});
afterAll(() => {
  const line = { file: expect.getState().testPath, worker: process.pid, from, to: ticks(), cpu: cpuSeconds() - cpu };
  appendFileSync(log, `${JSON.stringify(line)}\n`);
});
