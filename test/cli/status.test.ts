// `imaginecole status`: 0 on a warehouse, 2 when another process holds it or the usage is wrong.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, ROOT, tempDir, TODAY } from "../support/cli.ts";
import { copyOfSharedWarehouse } from "../support/shared-demo.ts";

const dir = tempDir("imaginecole-cli-status-");
const db = join(dir, "w.duckdb");
beforeAll(async () => {
  await copyOfSharedWarehouse(db);
}, 600_000); // waits for the shared demo run, minutes on a busy machine

describe("imaginecole status", () => {
  it("exits 0 with the last loads, in text and in JSON", () => {
    const text = cli(["status", "--db", db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Last load per source/);
    const json = cli(["status", "--json", "--db", db]);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { lastLoads: unknown[] }).lastLoads.length).toBeGreaterThan(0);
  });

  it("exits 2 while another process holds the warehouse, saying so", async () => {
    const holder = spawn(
      process.execPath,
      ["--input-type=module", "-e", `import { DuckDBInstance } from "@duckdb/node-api"; await DuckDBInstance.create(${JSON.stringify(db)}); console.log("open"); setInterval(() => {}, 1000);`],
      { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("open") && resolve());
        holder.on("exit", (code) => reject(new Error(`the holder exited (${code})`)));
      });
      const r = cli(["status", "--db", db]);
      expect(r.stderr).toMatch(/in use by another process/);
      expect(r.code).toBe(2);
    } finally {
      holder.kill("SIGKILL");
    }
  });

  it("gives every country's sources their three dates, with no negative age (no future due date counts)", () => {
    const r = cli(["status", "--json", "--db", db]);
    expect(r.code).toBe(0);
    const { dates } = JSON.parse(r.stdout) as { dates: Array<{ country_code: string; source: string; last_edited: string | null; last_loaded: string | null; latest_reported: string | null; days_old: number }> };
    expect(new Set(dates.map((d) => d.country_code)).size).toBe(10);
    for (const d of dates) {
      expect(d.days_old, `${d.country_code} ${d.source}`).toBeGreaterThanOrEqual(0);
      expect(d.latest_reported! <= TODAY, `${d.country_code} ${d.source}`).toBe(true);
      expect(d.last_edited, `${d.country_code} ${d.source}`).not.toBeNull();
      expect(d.last_loaded, `${d.country_code} ${d.source}`).not.toBeNull();
    }
    expect(new Set(dates.map((d) => d.source))).toEqual(new Set(["national-csv", "sheet", "xapi"]));
    const text = cli(["status", "--db", db]);
    expect(text.stdout).toMatch(/Dates per country and source \(UTC\): last edited, last loaded, latest period reported/);
    expect(text.stdout).not.toMatch(/ -\d+ d/);
  });

  it("--country GN shows each of its tabs and files with their counts, and only its rejects", () => {
    const r = cli(["status", "--json", "--country", "gn", "--db", db]);
    expect(r.code).toBe(0);
    const status = JSON.parse(r.stdout) as { country: string; locations: Array<{ source: string; location: string; rows_rejected: number }>; dates: Array<{ country_code: string }>; openRejects: Array<{ location: string }> };
    expect(status.country).toBe("GN");
    const tabs = status.locations.filter((l) => l.source === "sheet").map((l) => l.location.replace(/^.*- /, ""));
    expect(tabs).toEqual(expect.arrayContaining(["Formateurs.csv", "Sessions.csv", "Ressources.csv", "Activités.csv"]));
    expect(status.locations.every((l) => /\/GN\//.test(l.location))).toBe(true);
    expect(new Set(status.dates.map((d) => d.country_code))).toEqual(new Set(["GN"]));
    // The rejects listed are those the tabs' counts add up to.
    expect(status.openRejects).toHaveLength(status.locations.reduce((sum, l) => sum + l.rows_rejected, 0));
    expect(cli(["status", "--country", "Guinée", "--db", db]).stdout).toMatch(/^Last load per source \(GN\)[\s\S]*Per tab or file \(GN\)/);
  });

  it("refuses an unknown country with exit 2, suggesting the closest codes", () => {
    const zz = cli(["status", "--country", "ZZ", "--db", db]);
    expect(zz.code).toBe(2);
    expect(zz.stderr).toMatch(/Unknown country "ZZ".*BF, BJ, CI, CM, GN, ML, NE, SN, TD,? or TG/);
    expect(zz.stdout).toBe("");
    const gm = cli(["status", "--country", "GM", "--db", db]);
    expect(gm.code).toBe(2);
    expect(gm.stderr).toMatch(/did you mean (CM \(Cameroon\)|GN \(Guinea\))\?/);
    expect(cli(["status", "--country", "Guine", "--db", db]).stderr).toMatch(/did you mean GN \(Guinea\)\?/);
  });

  it("exits 2 on a usage error: an unknown option or language", () => {
    expect(cli(["status", "--db", db, "--verbose"]).code).toBe(2);
    expect(cli(["status", "--db", db, "--lang", "de"]).code).toBe(2);
  });
});
