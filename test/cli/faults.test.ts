// What a user sees when a file or the machine is at fault: a message in their language saying
// what happened, where and what to do, the exit code of the README's table, never a stack trace.
import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/pipelines.ts";
import { realInput } from "../../src/cli/context.ts";
import { MAX_LINE_BYTES } from "../../src/sources/line-limit.ts";
import { Warehouse } from "../../src/warehouse/warehouse.ts";
import { cli, type CliResult, ROOT, TEST_HASH_KEY, TODAY, tempDir } from "../support/cli.ts";

const dir = tempDir("imaginecole-cli-faults-");
const db = join(dir, "w.duckdb");
const STACK = /\n\s+at \S+/;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
}

/**
 * The command line as a user without special rights: root reads any file whatever its mode, so
 * as root the child runs without the capabilities that let it (setpriv).
 */
function cliAsUser(args: string[]): CliResult {
  if (process.getuid?.() !== 0) return cli(args);
  const r = spawnSync("setpriv", ["--bounding-set=-dac_override,-dac_read_search", process.execPath, join(ROOT, "bin/imaginecole.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, IMAGINECOLE_TODAY: TODAY, IMAGINECOLE_LANG: "en", IMAGINECOLE_HASH_KEY: TEST_HASH_KEY },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

async function query<T>(sql: string): Promise<T[]> {
  const w = await Warehouse.open(db);
  try {
    return await w.all<T>(sql);
  } finally {
    w.close();
  }
}

describe("faults of files, in messages", () => {
  it("names an unreadable file and says how to grant access (exit 2)", () => {
    const locked = file("locked.ndjson", "{}\n");
    chmodSync(locked, 0o000);
    const r = cliAsUser(["import", locked, "--source", "xapi", "--db", db]);
    expect(r.stderr).toContain(`Permission denied on ${locked}`);
    expect(r.stderr).toMatch(/chmod/);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(2);
  });

  it("during a run, names an unreadable file of a configured folder and goes on with the others (exit 1)", () => {
    const inbox = join(dir, "inbox", "SN");
    mkdirSync(inbox, { recursive: true });
    const readable = file("inbox/SN/frequentation_2026-06.csv", "Date;Plateforme;Utilisateurs actifs\n01/06/2026;A;10\n");
    const locked = file("inbox/SN/frequentation_2026-07.csv", "Date;Plateforme;Utilisateurs actifs\n01/07/2026;A;10\n");
    chmodSync(locked, 0o000);
    const config = JSON.parse(JSON.stringify(loadConfig(ROOT).config));
    delete config.demoInputs;
    config.lake = join(dir, "lake");
    config.sources = [
      { ...config.sources.find((s: { kind: string }) => s.kind === "reference"), path: join(ROOT, "pipelines/reference/countries.csv") },
      { kind: "national-csv", name: "national", inbox: join(dir, "inbox"), profiles: join(ROOT, "pipelines/profiles/national") },
    ];
    const path = file("run-unreadable.json", JSON.stringify(config));
    const r = cliAsUser(["run", "--config", path, "--db", join(dir, "run.duckdb")]);
    chmodSync(locked, 0o644);
    expect(r.stdout).toContain(`${basename(readable)}: 1 read, 1 loaded`);
    expect(r.stdout).toContain(`Permission denied on ${locked}`);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(1);
  });

  it("refuses an empty folder as a usage error (exit 2), naming it", () => {
    const empty = join(dir, "empty");
    mkdirSync(empty);
    const r = cli(["import", empty, "--source", "national-csv", "--country", "SN", "--db", db]);
    expect(r.stderr).toContain(`The folder ${empty} holds no file to import`);
    expect(r.code).toBe(2);
  });

  it("refuses a damaged workbook (exit 1), naming it and saying how to get a good copy", () => {
    const xlsx = file("ImaginEcole Sénégal.xlsx", Buffer.from("PK\u0003\u0004 not a workbook"));
    const r = cli(["import", xlsx, "--source", "sheet", "--country", "SN", "--db", db]);
    expect(r.stderr).toContain("ImaginEcole Sénégal.xlsx: unreadable Excel workbook");
    expect(r.stderr).toMatch(/Download it again/);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(1);
  });

  it("refuses a file with a line over the limit (exit 1), naming the line and the limit; ops.loads keeps a short message", async () => {
    const long = file("long-line.csv", `Date;Plateforme;Utilisateurs actifs\n01/06/2026;${"A".repeat(3 * MAX_LINE_BYTES)};10\n`);
    const r = cli(["import", long, "--source", "national-csv", "--country", "SN", "--db", db]);
    expect(r.stdout).toMatch(/long-line\.csv: line 2 is 3,000,014 bytes long, over the limit of 1,000,000 bytes per line/);
    expect(r.code).toBe(1);
    const [load] = await query<{ message: string }>("SELECT message FROM ops.loads WHERE location LIKE '%long-line.csv'");
    expect(load!.message.length).toBeLessThan(600);
  });

  it("refuses an xAPI file with a statement line over the limit (exit 1), naming the line, and loads none of it", async () => {
    const statement = (id: string, description: string) => JSON.stringify({
      id, actor: { mbox: "mailto:learner@example.org" }, verb: { id: "http://adlnet.gov/expapi/verbs/experienced" },
      object: { id: "http://example.org/activity/1", definition: { description: { "en-US": description } } },
      timestamp: "2026-06-01T10:00:00Z",
    });
    const long = file("long-line.ndjson", `${statement("5a2b0b8e-7c55-4f7a-9d8a-2f1f3c4d5e6f", "short")}\n${statement("6b3c1c9f-8d66-4a8b-8e9b-3a2a4d5e6f70", "y".repeat(2 * MAX_LINE_BYTES))}\n`);
    const r = cli(["import", long, "--source", "xapi", "--country", "SN", "--db", db]);
    expect(r.stdout).toMatch(/long-line\.ndjson: line 2 is 2,000,\d{3} bytes long, over the limit of 1,000,000 bytes per line/);
    expect(r.code).toBe(1);
    const [loaded] = await query<{ n: bigint }>("SELECT count(*) AS n FROM raw.xapi_statements");
    expect(Number(loaded!.n)).toBe(0);
  });

  it("keeps and prints an over-long cell cut, with its length (exit 3)", async () => {
    const cell = file("long-cell.csv", `Date;Plateforme;Utilisateurs actifs\n01/06/2026;A;${"9".repeat(100_000)}\n02/06/2026;A;12\n`);
    const r = cli(["import", cell, "--source", "national-csv", "--country", "SN", "--db", db]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/long-cell\.csv:2, column "Utilisateurs actifs", value "9{300}…".*\(value of 100,000 characters, cut\)/);
    expect(r.stdout.length).toBeLessThan(3_000);
    const [reject] = await query<{ n: bigint }>("SELECT max(length(value)) AS n FROM ops.rejects WHERE location LIKE 'long-cell.csv%'");
    expect(Number(reject!.n)).toBe(301);
  });
});

describe("the public demo key hashes only the bundled demo", () => {
  const noKey = { IMAGINECOLE_HASH_KEY: "", IMAGINECOLE_HASH_KEY_FILE: "" };

  it("refuses to import a file from elsewhere with the demo configuration and no key (exit 2), saying how to set one", () => {
    const statements = file("real.ndjson", "{}\n");
    const r = cli(["import", statements, "--source", "xapi", "--db", db], noKey);
    expect(r.stderr).toContain(`Refused: ${statements} is not demo data, and the demo key is public`);
    expect(r.stderr).toMatch(/set IMAGINECOLE_HASH_KEY/);
    expect(r.code).toBe(2);
  });

  it("refuses a demo-marked configuration whose sources read elsewhere (exit 2)", () => {
    const config = JSON.parse(JSON.stringify(loadConfig(ROOT).config));
    for (const source of config.sources) if (source.path && source.kind !== "reference") source.path = join(dir, "inbox");
    if (config.sources.find((s: { inbox?: string }) => s.inbox)) config.sources.find((s: { inbox?: string }) => s.inbox).inbox = join(dir, "inbox");
    const path = file("demo-elsewhere.json", JSON.stringify(config));
    const r = cli(["run", "--config", path, "--db", join(dir, "other.duckdb")], noKey);
    expect(r.stderr).toContain(`Refused: ${join(dir, "inbox")} is not demo data`);
    expect(r.code).toBe(2);
  });

  it("lets the bundled demo configuration read the bundled demo inputs with the demo key", () => {
    const { config } = loadConfig(ROOT);
    expect(realInput(config, [join(ROOT, "data/demo/xapi/statements-2026-10.ndjson")])).toBeUndefined();
    expect(realInput(config, [join(ROOT, "data/demo-copy/x.ndjson")])).toBe(join(ROOT, "data/demo-copy/x.ndjson"));
  });
});
