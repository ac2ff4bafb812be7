// Free text never leaves the warehouse unless its column is public by contract: every value the
// demo inputs hold in a private free-text column (the Activités tab's Commentaire, with names,
// e-mails and phone numbers in it) or a personal column (names) is looked for in the data the
// site is built from and in every text of a donor snapshot: none is found.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { loaderValues, runLoadersOnce } from "../../src/site/loaders.ts";
import { contractForTitle, TAB_CONTRACTS, type ColumnContract } from "../../src/sources/sheets/contracts.ts";
import { normaliseLabel } from "../../src/sources/sheets/normalise.ts";
import { readCsvGrid, readXlsxTabs, tabTitleFromFileName, type FileTab } from "../../src/sources/sheets/read-files.ts";
import { Warehouse } from "../../src/warehouse/warehouse.ts";
import { cli, ROOT, tempDir } from "../support/cli.ts";
import { copyOfSharedWarehouse, sharedDemo, sharedDemoPaths } from "../support/shared-demo.ts";

/** Columns whose values must stay in the warehouse (or never enter it). */
const secret = (c: ColumnContract) => c.freeText === "private" || c.type.kind === "personal" || c.type.kind === "pseudonym";

/** Every file under a folder. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

/** The values of the demo inputs' secret columns, by the column's header. */
async function secretValues(inputs: string): Promise<Map<string, Set<string>>> {
  const found = new Map<string, Set<string>>();
  for (const path of filesUnder(join(inputs, "sheets"))) {
    const ext = extname(path).toLowerCase();
    const tabs: FileTab[] =
      ext === ".xlsx" ? await readXlsxTabs(path) : ext === ".csv" ? [{ title: tabTitleFromFileName(path) ?? "", grid: readCsvGrid(path) }] : [];
    for (const tab of tabs) {
      const contract = contractForTitle(tab.title);
      const header = tab.grid[0] ?? [];
      for (const column of contract?.columns.filter(secret) ?? []) {
        const names = [column.header, ...column.aliases].map(normaliseLabel);
        const at = header.findIndex((h) => names.includes(normaliseLabel(String(h))));
        if (at < 0) continue;
        const values = found.get(column.header) ?? new Set<string>();
        for (const row of tab.grid.slice(1)) {
          const value = String(row[at] ?? "").trim();
          if (value.length >= 6) values.add(value);
        }
        found.set(column.header, values);
      }
    }
  }
  return found;
}

/** The readable text of an output file: Excel cells, Parquet rows, or the file itself. */
async function textOf(path: string): Promise<string> {
  if (path.endsWith(".xlsx")) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.text)))));
    return cells.join("\n");
  }
  if (path.endsWith(".parquet")) {
    const w = await Warehouse.open(":memory:");
    try {
      const rows = await w.all(`SELECT * FROM read_parquet('${path.replaceAll("'", "''")}')`);
      return JSON.stringify(rows, (_key, value) => (typeof value === "bigint" ? String(value) : value));
    } finally {
      w.close();
    }
  }
  return readFileSync(path, "utf8");
}

describe("free text that is private by contract", () => {
  const dir = tempDir("imaginecole-free-text-");
  const site = join(dir, "site-data");
  const snapshot = join(dir, "snapshot");
  let secrets: Map<string, Set<string>>;

  beforeAll(async () => {
    const { inputs } = sharedDemoPaths();
    secrets = await secretValues(inputs);
    const demo = await sharedDemo();
    expect(demo.run.code, demo.run.stderr.slice(-3000)).toBe(3);
    const db = await copyOfSharedWarehouse(join(dir, "w.duckdb"));
    const countries = join(ROOT, "pipelines/reference/countries.csv");
    // The internal edition: the staff's, which shows the most (loads, rejects, open activities).
    await runLoadersOnce(join(ROOT, "dashboards"), site, loaderValues(countries), {
      IMAGINECOLE_DB: db,
      IMAGINECOLE_COUNTRIES: countries,
      IMAGINECOLE_SNAPSHOTS: join(dir, "no-snapshots"),
    }, { write: () => true } as unknown as NodeJS.WritableStream);
    const r = cli(["export", "--period", "2026-Q3", "--out", snapshot, "--format", "xlsx,csv,parquet,json,iati", "--db", db]);
    expect(r.stderr).toBe("");
  }, 300_000);

  it("the demo inputs hold names, e-mails and phone numbers in the Activités tab's Commentaire", () => {
    const comments = [...(secrets.get("Commentaire") ?? [])];
    expect(comments.some((c) => /@/.test(c))).toBe(true);
    expect(comments.some((c) => /\+\d{3} \d/.test(c))).toBe(true);
    expect(secrets.get("Nom")?.size ?? 0).toBeGreaterThan(10);
  });

  it("is in none of the site's data files nor any file of a donor snapshot", async () => {
    const outputs = [...filesUnder(site), ...filesUnder(snapshot)];
    expect(outputs.some((p) => p.endsWith("SN.json"))).toBe(true);
    expect(outputs.some((p) => p.endsWith(".xlsx"))).toBe(true);
    // One pass per file: every value at once, the longest first.
    const values = [...new Set([...secrets.values()].flatMap((v) => [...v]))].sort((a, b) => b.length - a.length);
    const anyValue = new RegExp(values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
    const hits: string[] = [];
    for (const path of outputs) {
      for (const match of (await textOf(path)).matchAll(anyValue)) hits.push(`${path}: "${match[0]}"`);
    }
    expect(hits).toEqual([]);
  }, 180_000);

  it("the site's data carries no absolute path: files outside the project are named by their file name", () => {
    const { inputs } = sharedDemoPaths();
    const text = filesUnder(site).map((path) => readFileSync(path, "utf8")).join("\n");
    // Files are named (the quality page lists each tab and file), just not by where they lie.
    expect(text).toMatch(/[\w .-]+\.(csv|xlsx|ndjson)\b/);
    expect(text).not.toContain(inputs);
    expect(text).not.toContain(dir);
  });

  it("a column is public only where its contract says so: the Commentaires tab's, not the Activités tab's", () => {
    const visibility = (tab: string) => TAB_CONTRACTS.find((c) => c.title === tab)!.columns.find((c) => c.key === "comment")!.freeText;
    expect(visibility("Activités")).toBe("private");
    expect(visibility("Commentaires")).toBe("public");
  });
});
