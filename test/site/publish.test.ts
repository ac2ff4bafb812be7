// `imaginecole publish`: the live folder is swapped in one step while a reader downloads pages.
// First with a stand-in build that writes a small site slowly (fast, many swaps), then with the
// real command line building the real site twice from a fixture warehouse, and failing once.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImaginEcoleError } from "../../src/core/errors.ts";
import { publishSite, rollbackSite, versionsDir } from "../../src/site/publish.ts";
import { serveDist } from "../../src/site/serve.ts";
import { Warehouse } from "../../src/warehouse/warehouse.ts";
import { buildFixtureWarehouse } from "../dashboard/fixture-warehouse.ts";
import { ROOT, TEST_HASH_KEY, tempDir } from "../support/cli.ts";
import { startReader, type Reading } from "./reader.ts";

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const hash8 = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 8);
const PAGES = 12;

/** A small site shaped like the real one: pages naming a hashed script beside them, which names a hashed data file. */
async function standInSite(dir: string, stamp: string, o: { delayMs?: number; failAfter?: number } = {}): Promise<void> {
  const data = `data.${hash8(stamp)}.json`;
  mkdirSync(join(dir, "_file", "data"), { recursive: true });
  mkdirSync(join(dir, "fr"), { recursive: true });
  writeFileSync(join(dir, "_file", "data", data), JSON.stringify({ stamp }));
  for (let i = 0; i < PAGES; i++) {
    if (o.failAfter === i) throw new Error("stand-in build failed half-way");
    const script = `p${i}.${hash8(`${stamp}/${i}`)}.js`;
    writeFileSync(join(dir, "fr", script), `registerFile("x", {"path":"../_file/data/${data}"});`);
    writeFileSync(join(dir, "fr", `p${i}.html`),
      `<meta name="imaginecole-build" content="${stamp}"><script type="module" src="./${script}"></script>`);
    await pause(o.delayMs ?? 0);
  }
  writeFileSync(join(dir, "index.html"), `<meta name="imaginecole-build" content="${stamp}">`);
}

/** Every reading whole: all its requests answered, its data from its own version. */
function expectWhole(readings: Reading[]): void {
  for (const r of readings) {
    expect(r.failures, `${r.path} (${r.stamp})`).toEqual([]);
    for (const d of r.data) {
      const stamp = (JSON.parse(d) as { stamp?: string }).stamp;
      if (stamp !== undefined) expect(stamp, r.path).toBe(r.stamp);
    }
  }
}

describe("publishSite with a stand-in build", () => {
  it("makes the live folder a link to the new version, keeps the previous one and removes older ones", async () => {
    const live = join(tempDir("imaginecole-publish-"), "public");
    const first = await publishSite({ to: live, version: "v1", build: (dir, v) => standInSite(dir, v) });
    expect(first).toEqual({ live, version: "v1", previous: null });
    expect(lstatSync(live).isSymbolicLink()).toBe(true);
    expect(readlinkSync(live)).toBe("public.versions/v1");
    await publishSite({ to: live, version: "v2", build: (dir, v) => standInSite(dir, v) });
    const third = await publishSite({ to: live, version: "v3", build: (dir, v) => standInSite(dir, v) });
    expect(third.previous).toBe("v2");
    expect(readFileSync(join(live, "index.html"), "utf8")).toContain('content="v3"');
    expect(readdirSync(versionsDir(live)).filter((n) => /^v\d$/.test(n)).sort()).toEqual(["v2", "v3"]);
  });

  it("leaves the live site as it was when the build fails, with no half-built folder left", async () => {
    const live = join(tempDir("imaginecole-publish-"), "public");
    await publishSite({ to: live, version: "v1", build: (dir, v) => standInSite(dir, v) });
    const error = await publishSite({ to: live, version: "v2", build: (dir, v) => standInSite(dir, v, { failAfter: 5 }) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImaginEcoleError);
    expect((error as ImaginEcoleError).bilingual.en).toMatch(/live site is unchanged \(v1\).*failed half-way/);
    expect(readlinkSync(live)).toBe("public.versions/v1");
    expect(readFileSync(join(live, "fr", "p7.html"), "utf8")).toContain('content="v1"');
    expect(readdirSync(versionsDir(live)).filter((n) => n.includes("v2"))).toEqual([]);
  });

  it("rolls back one step, and refuses a second step back", async () => {
    const live = join(tempDir("imaginecole-publish-"), "internal");
    await publishSite({ to: live, version: "v1", build: (dir, v) => standInSite(dir, v) });
    await publishSite({ to: live, version: "v2", build: (dir, v) => standInSite(dir, v) });
    expect(await rollbackSite(live)).toEqual({ live, version: "v1", previous: null });
    expect(readFileSync(join(live, "index.html"), "utf8")).toContain('content="v1"');
    const again = await rollbackSite(live).catch((e: unknown) => e);
    expect((again as ImaginEcoleError).exitCode).toBe(2);
    expect((again as ImaginEcoleError).bilingual.en).toMatch(/nothing to roll back to/);
    // The next publish goes on from the version rolled back to.
    expect((await publishSite({ to: live, version: "v3", build: (dir, v) => standInSite(dir, v) })).previous).toBe("v1");
  });

  it("refuses to replace a folder that is not its own link", async () => {
    const live = join(tempDir("imaginecole-publish-"), "public");
    mkdirSync(live);
    writeFileSync(join(live, "index.html"), "hand-made");
    const error = await publishSite({ to: live, version: "v1", build: (dir, v) => standInSite(dir, v) }).catch((e: unknown) => e);
    expect((error as ImaginEcoleError).exitCode).toBe(2);
    expect(readFileSync(join(live, "index.html"), "utf8")).toBe("hand-made");
  });

  it("carries the previous version's hashed files into the new one, for one generation", async () => {
    const live = join(tempDir("imaginecole-publish-"), "public");
    for (const v of ["v1", "v2", "v3"]) await publishSite({ to: live, version: v, build: (dir) => standInSite(dir, v) });
    const v3 = join(versionsDir(live), "v3");
    expect(existsSync(join(v3, "_file", "data", `data.${hash8("v2")}.json`))).toBe(true);
    expect(existsSync(join(v3, "fr", `p0.${hash8("v2/0")}.js`))).toBe(true);
    expect(existsSync(join(v3, "_file", "data", `data.${hash8("v1")}.json`))).toBe(false);
    // Pages are never carried: only files named by their content.
    expect(readFileSync(join(v3, "fr", "p0.html"), "utf8")).toContain('content="v3"');
  });

  it("gives a reader whole pages of one version or the other, never a missing file, through many swaps", async () => {
    const live = join(tempDir("imaginecole-publish-"), "public");
    await publishSite({ to: live, version: "v0", build: (dir, v) => standInSite(dir, v) });
    const server = await serveDist(live);
    const reader = startReader(server.url, Array.from({ length: PAGES }, (_, i) => `fr/p${i}`), 3);
    // Each swap waits for the reader to have read a few pages more, however busy the machine.
    const readsReached = async (n: number) => {
      while (reader.readings.length < n) await pause(5);
    };
    try {
      for (let v = 1; v <= 8; v++) {
        await readsReached(4 * v);
        await publishSite({ to: live, version: `v${v}`, build: (dir, stamp) => standInSite(dir, stamp, { delayMs: 8 }) });
      }
      await readsReached(reader.readings.length + 4);
    } finally {
      await reader.stop();
      await server.close();
    }
    const readings = reader.readings;
    expect(readings.length).toBeGreaterThan(30);
    expectWhole(readings);
    const stamps = readings.map((r) => r.stamp);
    expect(new Set(stamps).size).toBeGreaterThan(3);
    // One reader, one page after the other: versions only ever move forward.
    expect(stamps).toEqual([...stamps].sort());
  });
});

describe("imaginecole publish, building the real site", () => {
  let work: string;
  let live: string;
  let config: string;
  let db: string;
  let server: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    work = tempDir("imaginecole-publish-cli-");
    live = join(work, "www", "internal");
    db = join(work, "warehouse.duckdb");
    // Two countries: the same site, fewer pages to build.
    const text = readFileSync(join(ROOT, "pipelines/reference/countries.csv"), "utf8");
    const { data, meta } = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    const countries = join(work, "countries.csv");
    writeFileSync(countries, Papa.unparse(data.filter((c) => ["BF", "SN"].includes(c.iso2!)), { columns: meta.fields }));
    await buildFixtureWarehouse(db, countries);
    config = join(work, "pipelines.json");
    const sources = [{ kind: "reference", name: "countries", path: countries }];
    writeFileSync(config, JSON.stringify({ demo: true, phase: { start: "2025-05-01", end: "2027-12-31" }, sources }));
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it("swaps versions under a reader, keeps the site when a build fails, and rolls back", async () => {
    const first = await publish(["--edition", "internal", "--to", live, "--db", db]);
    expect(first.code, first.stderr.slice(-2000)).toBe(0);
    const v1 = basename(readlinkSync(live));
    expect(first.stdout).toContain(`Published: ${live} → ${v1}`);

    // The second version has other figures, so its data files have other names.
    const w = await Warehouse.open(db);
    await w.run("UPDATE mart.indicators SET value = value + 1000 WHERE indicator_id = 'trainers_trained'");
    w.close();

    server = await serveDist(live);
    const pages = ["fr/", "en/pays/BF", "fr/formation", "en/adoption"];
    const reader = startReader(server.url, pages, 20);
    const second = await publish(["--edition", "internal", "--to", live, "--db", db]);
    expect(second.code, second.stderr.slice(-2000)).toBe(0);
    const v2 = basename(readlinkSync(live));
    await pause(300);
    const during = [...(await reader.stop())];
    expect(v2).not.toBe(v1);
    expect(during.length).toBeGreaterThan(10);
    expectWhole(during);
    expect(new Set(during.map((r) => r.stamp))).toEqual(new Set([v1, v2]));
    expect(during.at(-1)!.stamp).toBe(v2);
    const firstV2 = during.findIndex((r) => r.stamp === v2);
    expect(during.slice(firstV2).every((r) => r.stamp === v2)).toBe(true);
    // Each page came with the data of its own version.
    for (const r of during.filter((x) => x.path === "fr/")) {
      const overview = r.data.map((d) => JSON.parse(d) as { latest?: { indicator_id: string; value: number }[] }).find((d) => d.latest);
      const trainers = overview!.latest!.filter((l) => l.indicator_id === "trainers_trained").map((l) => l.value);
      expect(trainers.length).toBeGreaterThan(0);
      for (const value of trainers) expect(value >= 1000, `${r.stamp}: ${value}`).toBe(r.stamp === v2);
    }

    // A build that fails (the warehouse is not a DuckDB file) changes nothing a reader sees.
    const broken = join(work, "broken.duckdb");
    writeFileSync(broken, "not a database");
    const failing = startReader(server.url, pages, 20);
    const failed = await publish(["--edition", "internal", "--to", live, "--db", broken]);
    const afterFailure = await failing.stop();
    // Exit 5: the warehouse cannot be used (README, exit codes).
    expect(failed.code).toBe(5);
    expect(failed.stderr).toContain(`the live site is unchanged (${v2})`);
    expect(failed.stderr).not.toMatch(/\n\s+at .*\.ts:\d+/);
    expect(basename(readlinkSync(live))).toBe(v2);
    expect(readdirSync(versionsDir(live)).filter((n) => n.startsWith(".building-"))).toEqual([]);
    expect(afterFailure.length).toBeGreaterThan(0);
    expectWhole(afterFailure);
    expect(afterFailure.every((r) => r.stamp === v2)).toBe(true);

    const rollback = await publish(["--rollback", "--to", live]);
    expect(rollback.code, rollback.stderr).toBe(0);
    expect(basename(readlinkSync(live))).toBe(v1);
    const back = startReader(server.url, pages, 0);
    await pause(500);
    const afterRollback = await back.stop();
    expectWhole(afterRollback);
    expect(afterRollback.every((r) => r.stamp === v1)).toBe(true);
  }, 900_000);

  /** The command line in a child process, awaited, so the reader keeps reading meanwhile. */
  function publish(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [join(ROOT, "bin/imaginecole.js"), "publish", "--config", config, ...args], {
        cwd: ROOT,
        env: { ...process.env, IMAGINECOLE_LANG: "en", IMAGINECOLE_HASH_KEY: TEST_HASH_KEY },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
      child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
      child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    });
  }
});
