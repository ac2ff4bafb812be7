import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImaginEcoleError } from "../../src/core/errors.ts";
import { exportSnapshot, verifyManifest, type Manifest } from "../../src/export/index.ts";
import type { Warehouse } from "../../src/warehouse/warehouse.ts";
import { AS_OF, fixtureWarehouse, tempDir } from "./fixture.ts";

let dir: string;
let warehouse: Warehouse;

/** A built site shaped like Framework's output: dashboards/[lang]/ pages, country pages under pays/. */
function site(root: string): string {
  const page = (title: string) =>
    `<!doctype html><html lang="fr"><head><link rel="stylesheet" href="/_style.css"></head><body><h1>${title}</h1>` +
    `<img src="https://tile.example.org/map.png" alt=""><p>1 234,5</p></body></html>`;
  mkdirSync(join(root, "fr", "pays"), { recursive: true });
  writeFileSync(join(root, "_style.css"), "h1 { color: #0b5; } @media print { img { display: none } }");
  writeFileSync(join(root, "fr", "index.html"), page("Vue d'ensemble"));
  writeFileSync(join(root, "fr", "pays", "SN.html"), page("Sénégal"));
  return root;
}

beforeAll(async () => {
  dir = tempDir();
  warehouse = await fixtureWarehouse(dir);
});
afterAll(() => warehouse.close());

describe("exportSnapshot(warehouse, { formats: ['pdf'], siteDir })", () => {
  it("prints the overview and each built country page to PDF and lists them in the manifest", async () => {
    const out = join(dir, "pdf-out");
    const { files, manifestPath } = await exportSnapshot(warehouse, {
      asOf: AS_OF, outDir: out, formats: ["pdf"], lang: "fr", version: "0.1.0", siteDir: site(join(dir, "dist")),
    });
    // BF has indicators but no built page, so only SN gets one.
    expect(files.filter((f) => f.endsWith(".pdf")).map((f) => f.slice(out.length + 1))).toEqual(["pdf/overview.pdf", "pdf/SN.pdf"]);
    for (const file of files.filter((f) => f.endsWith(".pdf"))) expect(readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
    expect(manifest.files.map((f) => f.path)).toContain("pdf/SN.pdf");
    expect(verifyManifest(out)).toEqual([]);
  });

  it("refuses to print a dashboard that already shows months after the as-of date", async () => {
    const out = join(dir, "pdf-early");
    const error = await exportSnapshot(warehouse, {
      asOf: "2026-09-30", outDir: out, formats: ["csv", "pdf"], lang: "fr", version: "0.1.0", siteDir: site(join(dir, "dist-early")),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImaginEcoleError);
    expect((error as ImaginEcoleError).exitCode).toBe(2);
    expect((error as ImaginEcoleError).bilingual.fr).toContain("jusqu'à octobre 2026, après la date d'arrêt 2026-09-30");
    expect(existsSync(out)).toBe(false);
  });

  it("says to build the dashboard first when the site has no page in the snapshot's language", async () => {
    const error = await exportSnapshot(warehouse, {
      asOf: AS_OF, outDir: join(dir, "pdf-en"), formats: ["pdf"], lang: "en", version: "0.1.0", siteDir: join(dir, "dist"),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImaginEcoleError);
    expect((error as ImaginEcoleError).bilingual.en).toContain('Run "npm run build"');
  });
});
