import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchSite, type SiteRow } from "./site.bench.ts";

// The site rows of `npm run bench` on a two-page site: one whose text is in its HTML, one whose
// heading a script writes. Sizes and what is readable are asserted, never a time.
describe("npm run bench, site rows", () => {
  let dir: string;
  let rows: SiteRow[];
  const paragraph = `<p>${"Quatre pays sur dix sont en retard sur leur trajectoire. ".repeat(200)}</p>`;
  const staticHtml = `<!doctype html><html lang="fr"><head><title>t</title></head><body><main><h1>Vue d'ensemble</h1>${paragraph}</main></body></html>`;
  const scriptedHtml = `<!doctype html><html lang="fr"><head><title>t</title><script src="fill.js" defer></script></head><body><main><h1></h1><p></p></main></body></html>`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "imaginecole-bench-site-test-"));
    mkdirSync(join(dir, "fr", "js"), { recursive: true });
    writeFileSync(join(dir, "fr", "index.html"), staticHtml);
    writeFileSync(join(dir, "fr", "index.html.gz"), gzipSync(staticHtml));
    writeFileSync(join(dir, "fr", "js", "index.html"), scriptedHtml);
    writeFileSync(join(dir, "fr", "js", "fill.js"), `document.querySelector("h1").textContent = "Goulots"; document.querySelector("p").textContent = "Deux alertes.";`);
    rows = await benchSite(dir, ["fr/", "fr/js/"], 1);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const row = (server: string, page: string) => rows.find((r) => r.server === server && r.page === page)!;

  it("measures each page served plainly and by serve, and the compressed copy weighs less", () => {
    expect(rows.map((r) => `${r.server} ${r.page}`)).toEqual(["plain fr/", "serve fr/", "plain fr/js/", "serve fr/js/"]);
    const [plain, served] = [row("plain", "fr/"), row("serve", "fr/")];
    expect(plain.htmlBytes).toBe(Buffer.byteLength(staticHtml));
    expect(served.htmlBytes).toBe(Buffer.byteLength(staticHtml));
    expect(plain.htmlTransferBytes).toBeGreaterThan(Buffer.byteLength(staticHtml));
    expect(served.htmlTransferBytes).toBeLessThan(gzipSync(staticHtml).length + 2000);
    expect(served.transferBytes).toBeLessThan(plain.transferBytes / 5);
  });

  it("counts a second visit from the cache only where cache headers allow it", () => {
    expect(row("plain", "fr/").repeatBytes).toBeGreaterThan(Buffer.byteLength(staticHtml));
    expect(row("serve", "fr/").repeatBytes).toBeLessThan(1000);
  });

  it("tells a page readable without JavaScript from one whose text a script writes", () => {
    expect(row("serve", "fr/")).toMatchObject({ noJsHeading: true, noJsMainChars: expect.any(Number) });
    expect(row("serve", "fr/").noJsMainChars).toBeGreaterThan(10_000);
    expect(row("serve", "fr/js/")).toMatchObject({ noJsHeading: false, noJsMainChars: 0 });
  });

  it("reports first paint and first readable content on the slow link for both kinds of page", () => {
    for (const r of rows) {
      expect(r.firstContentfulPaint, `${r.server} ${r.page}`).toBeGreaterThan(0);
      expect(r.firstReadable, `${r.server} ${r.page}`).toBeGreaterThanOrEqual(r.firstContentfulPaint!);
    }
  });
});
