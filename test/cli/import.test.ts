// `imaginecole import`: its exit codes, as the README's table gives them.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Warehouse } from "../../src/warehouse/warehouse.ts";
import { cli, tempDir } from "../support/cli.ts";

const dir = tempDir("imaginecole-cli-import-");
const db = join(dir, "w.duckdb");
const file = (name: string, lines: string[]) => {
  writeFileSync(join(dir, name), `${lines.join("\n")}\n`);
  return join(dir, name);
};
const HEADER = "Date;Plateforme;Utilisateurs actifs";
const importNational = (path: string) => cli(["import", path, "--source", "national-csv", "--country", "SN", "--db", db]);

async function usageRows(): Promise<number> {
  const w = await Warehouse.open(db);
  try {
    return Number(await w.scalar("SELECT count(*) FROM core.national_usage"));
  } finally {
    w.close();
  }
}

describe("imaginecole import", () => {
  it("exits 0 when every row of the file loaded", async () => {
    const r = importNational(file("june.csv", [HEADER, "01/06/2026;A;10", "02/06/2026;A;12"]));
    expect(r.stdout).toMatch(/june\.csv: 2 read, 2 loaded, 0 rejected/);
    expect(r.code).toBe(0);
    expect(await usageRows()).toBe(2);
  });

  it("exits 3 when rows were rejected, naming each, and keeps the rows that loaded", async () => {
    const r = importNational(file("july.csv", [HEADER, "01/07/2026;A;10", "02/07/2026;A;-3"]));
    expect(r.stdout).toMatch(/july\.csv:3, column "Utilisateurs actifs", value "-3"/);
    expect(r.code).toBe(3);
    expect(await usageRows()).toBe(3);
  });

  it("exits 1 when a batch is refused, and loads nothing of it", async () => {
    const r = importNational(file("august.csv", [HEADER]));
    expect(r.stdout).toMatch(/august\.csv: batch refused, nothing was loaded/);
    expect(r.code).toBe(1);
    expect(await usageRows()).toBe(3);
  });

  it("exits 2 on a usage error: no --source, an unknown kind, a file that does not exist", () => {
    const june = join(dir, "june.csv");
    const noSource = cli(["import", june, "--db", db]);
    expect(noSource.stderr).toMatch(/--source/);
    expect(noSource.code).toBe(2);
    expect(cli(["import", june, "--source", "spreadsheet", "--db", db]).code).toBe(2);
    const missing = cli(["import", join(dir, "nope.csv"), "--source", "national-csv", "--country", "SN", "--db", db]);
    expect(missing.stderr).toMatch(/File not found: .*nope\.csv/);
    expect(missing.code).toBe(2);
  });
});
