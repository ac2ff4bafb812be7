// Where the test suite's CPU goes: runs vitest (arguments passed on) while reading /proc every
// 300 ms, then gives each test file the CPU of its worker and of every process it started (the
// command line, Framework, Chromium, nginx…). Counted from /proc because /usr/bin/time misses the
// processes nobody waits for, Chromium's among them. A process that lives less than a sample's
// 0.3 s is missed (a command's `--help`), so short commands count for less than they cost. Linux only.
//   npm run suite-cpu                      the whole suite
//   npm run suite-cpu -- --project unit    what vitest is given
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
const TICKS = 100; // USER_HZ: /proc counts CPU time and start times in hundredths of a second

interface Proc {
  pid: number;
  ppid: number;
  start: number;
  cmd: string;
  base: number;
  cpu: number;
}
interface Window {
  file: string;
  worker: number;
  from: number;
  to: number;
  cpu: number;
}

const seen = new Map<string, Proc>();
let first = true;
function sample(): void {
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const cpu = (Number(fields[11]) + Number(fields[12])) / TICKS;
      const start = Number(fields[19]);
      let proc = seen.get(`${name}:${start}`);
      if (!proc) {
        const cmd = readFileSync(`/proc/${name}/cmdline`, "utf8").replaceAll("\0", " ").trim();
        proc = { pid: Number(name), ppid: Number(fields[1]), start, cmd, base: first ? cpu : 0, cpu: 0 };
        seen.set(`${name}:${start}`, proc);
      }
      proc.cpu = cpu - proc.base;
    } catch {
      // Gone between the listing and the read.
    }
  }
  first = false;
}

function kind(cmd: string): string {
  if (/chromium/.test(cmd)) return "Chromium";
  if (/observable\.js build/.test(cmd)) return "Framework";
  // nginx's own processes, not the commands whose paths name the nginx test's folder.
  if (/^(\/usr\/sbin\/nginx|nginx: )/.test(cmd)) return "nginx";
  const command = /imaginecole\.js (\S+)/.exec(cmd)?.[1];
  return command ? `imaginecole ${command}` : "other";
}

const log = join(mkdtempSync(join(tmpdir(), "imaginecole-suite-cpu-")), "windows.ndjson");
const ticksNow = () => Math.round(Number(readFileSync("/proc/uptime", "utf8").split(" ")[0]) * TICKS);
const startedAt = ticksNow();
sample();
const timer = setInterval(sample, 300);
const started = Date.now();
const vitest = spawn(process.execPath, [join(ROOT, "node_modules/vitest/vitest.mjs"), "run", ...process.argv.slice(2)], {
  cwd: ROOT,
  env: { ...process.env, IMAGINECOLE_SUITE_CPU: log },
  stdio: "inherit",
});
const code = await new Promise<number>((done) => vitest.on("exit", (c) => done(c ?? 1)));
clearInterval(timer);
sample();

const windows: Window[] = readFileSync(log, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Window);
rmSync(join(log, ".."), { recursive: true, force: true });
const workers = new Set(windows.map((w) => w.worker));
const byPid = new Map([...seen.values()].map((p) => [p.pid, p]));
const files = new Map(windows.map((w) => [w, { own: w.cpu, kinds: new Map<string, number>() }]));
let total = 0;
let elsewhere = 0;
/** Started by vitest, or left by a process of its that ended (its parent is then init). */
const ours = (proc: Proc): boolean => {
  for (let p: Proc | undefined = proc; p; p = byPid.get(p.ppid)) if (p.pid === vitest.pid) return true;
  return proc.ppid === 1 && proc.start >= startedAt;
};
for (const proc of seen.values()) {
  if (!ours(proc)) continue;
  total += proc.cpu;
  if (workers.has(proc.pid)) continue; // counted per file by the worker itself
  // The ancestor the worker started, and the file the worker was running then.
  let top: Proc | undefined = proc;
  while (top && !workers.has(top.ppid)) top = byPid.get(top.ppid);
  const window = top && windows.find((w) => w.worker === top!.ppid && top!.start >= w.from - 1 && top!.start <= w.to + 1);
  if (!window) {
    elsewhere += proc.cpu;
    continue;
  }
  const kinds = files.get(window)!.kinds;
  const name = kind(proc.cmd);
  kinds.set(name, (kinds.get(name) ?? 0) + proc.cpu);
}

const rows = [...files].map(([w, f]) => ({ w, f, sum: f.own + [...f.kinds.values()].reduce((a, b) => a + b, 0) }));
rows.sort((a, b) => b.sum - a.sum);
const seconds = (n: number) => n.toFixed(1).padStart(7);
process.stdout.write(`\nCPU-s per test file (the worker's own, then what it started), wall ${((Date.now() - started) / 1000).toFixed(0)} s:\n`);
for (const { w, f, sum } of rows.filter((r) => r.sum >= 1)) {
  const kinds = [...f.kinds].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(", ");
  process.stdout.write(`${seconds(sum)}${seconds(f.own)}  ${relative(ROOT, w.file)}${kinds ? `  (${kinds})` : ""}\n`);
}
process.stdout.write(`${seconds(total)} CPU-s in all; ${elsewhere.toFixed(1)} outside any file (vitest itself, the shared demo run, processes whose parent had gone)\n`);
process.exit(code);
