// `imaginecole check FILE…`: the exit codes an import would have, and nothing written.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Warehouse } from "../../src/warehouse/warehouse.ts";
import { cli, tempDir } from "../support/cli.ts";

const dir = tempDir("imaginecole-cli-check-");
const db = join(dir, "w.duckdb");
const file = (name: string, lines: string[]) => {
  writeFileSync(join(dir, name), `${lines.join("\n")}\n`);
  return join(dir, name);
};
const HEADER = "Date;Plateforme;Utilisateurs actifs";
const checkNational = (path: string) => cli(["check", path, "--source", "national-csv", "--country", "SN", "--db", db]);

async function writtenRows(): Promise<number> {
  const w = await Warehouse.open(db);
  try {
    return Number(await w.scalar("SELECT (SELECT count(*) FROM core.national_usage) + (SELECT count(*) FROM ops.loads) + (SELECT count(*) FROM ops.rejects)"));
  } finally {
    w.close();
  }
}

describe("imaginecole check FILE…", () => {
  it("exits 0 when every row would load, and writes nothing", async () => {
    const r = checkNational(file("june.csv", [HEADER, "01/06/2026;A;10", "02/06/2026;A;12"]));
    expect(r.stdout).toMatch(/june\.csv: 2 read, 2 would load, 0 would be rejected/);
    expect(r.code).toBe(0);
    expect(await writtenRows()).toBe(0);
  });

  it("exits 3 when rows would be rejected, naming each, and writes nothing", async () => {
    const r = checkNational(file("july.csv", [HEADER, "01/07/2026;A;10", "02/07/2026;A;-3"]));
    expect(r.stdout).toMatch(/july\.csv:3, column "Utilisateurs actifs", value "-3"/);
    expect(r.code).toBe(3);
    expect(await writtenRows()).toBe(0);
  });

  it("exits 1 when a batch would be refused", async () => {
    const r = checkNational(file("august.csv", [HEADER]));
    expect(r.stdout).toMatch(/august\.csv: batch refused/);
    expect(r.code).toBe(1);
    expect(await writtenRows()).toBe(0);
  });

  it("exits 2 on a usage error: files without --source, a country outside the programme (the closest suggested)", () => {
    const june = join(dir, "june.csv");
    expect(cli(["check", june, "--db", db]).code).toBe(2);
    const badCountry = cli(["check", june, "--source", "national-csv", "--country", "Senegall", "--db", db]);
    expect(badCountry.stderr).toMatch(/Unknown country "Senegall" \(--country\): did you mean SN \(Senegal\)\?/i);
    expect(badCountry.code).toBe(2);
  });
});
