import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportSnapshot, verifyManifest, type Manifest } from "../../src/export/index.ts";
import { reportHtml } from "../../src/export/report.ts";
import type { Warehouse } from "../../src/warehouse/warehouse.ts";
import { fixtureWarehouse, LATE, tempDir } from "./fixture.ts";

let dir: string;
let warehouse: Warehouse;

/** The PDF's text as pdftotext (Debian's poppler-utils) reads it, page by page. */
function pages(file: string): string[] {
  const out = spawnSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  expect(out.status, out.stderr).toBe(0);
  return out.stdout.split("\f").filter((page) => page.trim() !== "");
}

const squeeze = (text: string) => text.replace(/\s+/g, " ");

beforeAll(async () => {
  dir = tempDir();
  warehouse = await fixtureWarehouse(dir);
});
afterAll(() => warehouse.close());

describe("exportSnapshot(warehouse, { formats: ['pdf'] })", () => {
  it("renders a donor report from the snapshot's own figures for a past quarter: cover, key figures, countries, definitions, citation", async () => {
    const out = join(dir, "pdf-q3");
    // The mart describes October: the third quarter is in the past, and printed all the same.
    const { files, manifestPath, citation, failures } = await exportSnapshot(warehouse, { period: "2026-Q3", outDir: out, formats: ["pdf"], lang: "fr", version: "0.1.0" });
    expect(failures).toEqual([]);
    const pdf = files.find((f) => f.endsWith(".pdf"))!;
    expect(pdf.slice(out.length + 1)).toBe("imaginecole-2026-Q3-fr.pdf");
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    const text = pages(pdf).map(squeeze);
    expect(text.length).toBeGreaterThanOrEqual(4);
    expect(text[0]).toContain("Indicateurs ImaginEcole");
    expect(text[0]).toContain("T3 2026");
    expect(text[0]).toContain("Date d'arrêt 30/09/2026");
    // Every page carries the citation at its foot.
    for (const page of text) expect(page).toContain(citation.text.fr);
    const body = text.join(" ");
    expect(body).toContain("Chiffres clés, ensemble des pays · T3 2026");
    // Senegal's quarter: 12 trainers trained, 30 since the phase start.
    expect(body).toMatch(/Sénégal 12 .*30/);
    expect(body).toContain("Formateurs formés");
    expect(body).toContain("Définitions");
    expect(body).toContain("Personnes distinctes sur toute la période");
    expect(body).toContain("Citer ces chiffres");
    expect(body).not.toContain(String(LATE.value));
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
    expect(manifest.files.map((f) => f.path)).toContain("imaginecole-2026-Q3-fr.pdf");
    expect(verifyManifest(out)).toEqual([]);
  });

  it("speaks English with lang en", async () => {
    const out = join(dir, "pdf-en");
    const { files } = await exportSnapshot(warehouse, { asOf: "2026-10-31", outDir: out, formats: ["pdf"], lang: "en", version: "0.1.0" });
    const body = pages(files.find((f) => f.endsWith(".pdf"))!).map(squeeze).join(" ");
    expect(body).toContain("ImaginEcole indicators");
    expect(body).toContain("phase to 2026-10-31");
    expect(body).toContain("Key figures, all countries");
    expect(body).toContain("All countries 55 2,100");
  });
});

describe("reportHtml(input)", () => {
  it("escapes every text it is given", () => {
    const html = reportHtml({
      lang: "en",
      scope: { label: "2026-Q3", asOf: "2026-09-30", period: "2026-Q3", lastMonth: "2026-09-01" },
      citation: { text: { fr: "c", en: "c" }, sha256: "0", produced: "2026-12-04" },
      phase: null,
      suppressBelow: 5,
      figures: [{ country_code: "XX", country_en: "<script>alert(1)</script>", indicator_id: "i", disaggregation: "", value: 1, unit: "count" }],
      definitions: [{ indicator_id: "i", label_en: "<b>label</b>", definition_en: "a & b", kind: "flow", unit: "count", targeted: true }],
      quality: [],
    });
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;b&gt;label&lt;/b&gt;");
    expect(html).toContain("a &amp; b");
  });
});
