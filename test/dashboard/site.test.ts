// The built dashboard in headless Chromium: every page in both languages, the language switch,
// the numbers of a country page against mart.indicators, escaping, the overview's weight, and a
// country that exists only as a row of the reference CSV. The site is built once, offline.
import { DuckDBInstance } from "@duckdb/node-api";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAGES } from "../../dashboards/components/i18n.ts";
import { formatValue } from "../../src/core/format.ts";
import { serveDist } from "../../src/site/serve.ts";
import { buildTestSite, type TestSite } from "./site.ts";

const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--disable-quic", "--no-first-run", "--disable-sync",
];
const COUNTRIES = ["BF", "ML", "SN", "NE", "BJ", "CI", "GN", "TG", "CM", "TD", "GA"];
const OVERVIEW_BUDGET = 300 * 1024;

let site: TestSite;
let server: { url: string; close: () => Promise<void> };
let browser: Browser;

beforeAll(async () => {
  site = await buildTestSite();
  server = await serveDist(site.dir);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
}, 600_000); // the build runs ~30 s alone, minutes on a busy machine

afterAll(async () => {
  await browser?.close();
  await server?.close();
  site?.cleanup();
});

interface Visit {
  page: Page;
  errors: string[];
  outside: string[];
  bytes: Map<string, number>;
}

/** Opens a path and records console errors, uncaught exceptions, requests leaving 127.0.0.1 and gzipped sizes. */
async function visit(path: string): Promise<Visit> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  const outside: string[] = [];
  const bytes = new Map<string, number>();
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith("http://127.0.0.1:") && !url.startsWith("data:")) outside.push(url);
  });
  page.on("response", async (r) => {
    try {
      bytes.set(r.url(), gzipSync(await r.body()).length);
    } catch {
      // redirects have no body
    }
  });
  await page.goto(`${server.url}${path}`, { waitUntil: "networkidle" });
  await page.waitForFunction(() => !document.querySelector("main .observablehq--loading"));
  return { page, errors, outside, bytes };
}

const pagePaths = (lang: string) => [
  ...PAGES.map(({ slug }) => `${lang}/${slug}`),
  ...COUNTRIES.map((code) => `${lang}/pays/${code}`),
];

// Pages are visited a few at a time: most of a visit is waiting for the network to fall idle.
describe("every page", () => {
  for (const lang of ["fr", "en"]) {
    for (const path of pagePaths(lang)) {
      it.concurrent(`${path} renders its charts with no console error and no request outside 127.0.0.1`, async ({ expect }) => {
        const { page, errors, outside } = await visit(path);
        expect(errors, errors.join("\n")).toEqual([]);
        expect(outside).toEqual([]);
        expect(await page.getAttribute("html", "lang")).toBe(lang);
        expect((await page.locator("main h1").first().textContent())?.trim()).not.toBe("");
        if (path.endsWith("/snapshots")) expect(await page.locator("#ie-snapshots a").count()).toBeGreaterThan(0);
        else expect(await page.locator("main svg").count()).toBeGreaterThan(0);
        expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
        await page.close();
      });
    }
  }
});

describe("the site root", () => {
  it("sends visitors to the French overview", async () => {
    const { page } = await visit("");
    await page.waitForURL(/\/fr\/$/);
    expect(await page.locator("main h1").first().textContent()).toBe("Vue d'ensemble");
    await page.close();
  });
});

describe("the country table of the overview", () => {
  it("sorts by a column when its header is clicked, then reverses", async () => {
    const { page } = await visit("en/");
    const table = page.locator("#ie-countries-table");
    const header = table.locator("thead th", { hasText: "Trainers trained" });
    const column = async () => table.locator('tbody td[data-key="trainers_trained"]').evaluateAll((cells) =>
      cells.map((c) => Number(c.firstChild!.firstChild!.textContent!.replace(/\D/g, ""))));
    await header.locator("button").click();
    expect(await header.getAttribute("aria-sort")).toBe("ascending");
    const ascending = await column();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await header.locator("button").click();
    expect(await header.getAttribute("aria-sort")).toBe("descending");
    expect(await column()).toEqual([...ascending].reverse());
    await page.close();
  });
});

describe("language switch", () => {
  it("takes the overview from French to English labels and back", async () => {
    const { page } = await visit("fr/");
    expect(await page.locator("main h1").first().textContent()).toBe("Vue d'ensemble");
    expect(await page.locator(".ie-nav").textContent()).toContain("Qualité des données");
    await page.click("a.ie-lang");
    await page.waitForURL(/\/en\/$/);
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "Overview");
    expect(await page.locator(".ie-nav").textContent()).toContain("Data quality");
    expect(await page.locator("#ie-countries-table thead").textContent()).toContain("Country");
    await page.click("a.ie-lang");
    await page.waitForURL(/\/fr\/$/);
    await page.close();
  });

  it("keeps the same country when switching a country page", async () => {
    const { page } = await visit("fr/pays/CI");
    expect(await page.getAttribute("a.ie-lang", "href")).toMatch(/en\/pays\/CI$/);
    await page.close();
  });
});

describe("a country page", () => {
  it("shows the latest value of every indicator of mart.indicators for that country", async () => {
    const instance = await DuckDBInstance.create(site.db, { access_mode: "READ_ONLY" });
    const conn = await instance.connect();
    const reader = await conn.runAndReadAll(
      `SELECT i.indicator_id, i.value, c.unit FROM mart.indicators i
       JOIN mart.indicator_catalogue c USING (indicator_id)
       WHERE i.country_code = 'BF' AND i.disaggregation = '' AND i.value IS NOT NULL
       QUALIFY row_number() OVER (PARTITION BY i.indicator_id ORDER BY i.period DESC) = 1`,
    );
    const expected = reader.getRowObjectsJS() as { indicator_id: string; value: number; unit: string }[];
    conn.closeSync();
    instance.closeSync();
    expect(expected.length).toBeGreaterThan(5);

    const { page } = await visit("fr/pays/BF");
    const shown = await page.locator("#ie-country-indicators [data-indicator]").evaluateAll((cells) =>
      cells.map((c) => ({ id: c.getAttribute("data-indicator"), value: Number(c.getAttribute("data-value")), text: c.textContent })));
    expect(shown.map((s) => s.id).sort()).toEqual(expected.map((e) => e.indicator_id).sort());
    for (const e of expected) {
      const cell = shown.find((s) => s.id === e.indicator_id)!;
      expect(cell.value, e.indicator_id).toBe(e.value);
      expect(cell.text, e.indicator_id).toContain(formatValue("fr", e.value, e.unit));
    }
    // French formats: thousands with a no-break space, decimal comma.
    const teachers = shown.find((s) => s.id === "teachers_trained")!;
    expect(teachers.text).toMatch(/^\d{1,3}\u00a0\d{3}$/);
    expect(shown.find((s) => s.id === "monthly_active_users")!.text).toMatch(/,5$/);
    await page.close();
  });

  it("writes untrusted sheet text as text, never as markup", async () => {
    const { page } = await visit("en/pays/BJ");
    expect(await page.locator("main").textContent()).toContain(`<img src=x onerror="window.__pwned=1">`);
    expect(await page.locator("main img").count()).toBe(0);
    await page.close();
  });
});

describe("a country added as a row of the reference CSV", () => {
  it("gets its page and its place on the map with no code change", async () => {
    const { page } = await visit("fr/");
    const links = await page.locator("figure svg a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links).toHaveLength(COUNTRIES.length);
    expect(links).toContain("./pays/GA");
    await page.close();
    const gabon = await visit("en/pays/GA");
    expect(await gabon.page.locator("main h1").first().textContent()).toBe("Gabon");
    await gabon.page.close();
  });
});

describe("the overview page", () => {
  it(`weighs at most ${OVERVIEW_BUDGET / 1024} KB gzipped in all`, async () => {
    const { page, bytes } = await visit("fr/");
    const total = [...bytes.values()].reduce((a, b) => a + b, 0);
    expect(bytes.size).toBeGreaterThan(10);
    expect(total, `${total} bytes gzipped`).toBeLessThanOrEqual(OVERVIEW_BUDGET);
    await page.close();
  });
});

describe("printing", () => {
  it("hides the menu and the language switch and keeps the content", async () => {
    const { page } = await visit("fr/pays/SN");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".ie-nav").isVisible()).toBe(false);
    expect(await page.locator("a.ie-lang").isVisible()).toBe(false);
    expect(await page.locator("#ie-country-indicators").isVisible()).toBe(true);
    await page.close();
  });
});

describe("the snapshots page", () => {
  it("links to the exported files, which the site serves", async () => {
    const { page } = await visit("fr/snapshots");
    const href = await page.locator("#ie-snapshots a", { hasText: "indicators.csv" }).getAttribute("href");
    const response = await page.request.get(new URL(href!, page.url()).toString());
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain("BF,trainers_trained,84");
    expect(await page.locator("#ie-snapshots h2").textContent()).toContain("31/10/2026");
    await page.close();
  });
});

describe("the data-quality page, per country", () => {
  it("gives each country a section whose per-tab counts equal the rejects listed under it", async () => {
    const { page, errors } = await visit("fr/qualite#GN");
    expect(errors, errors.join("\n")).toEqual([]);
    const sections = await page.locator("section.ie-quality-country[id]:not(#sans-pays)").evaluateAll((nodes) => nodes.map((n) => n.id));
    expect(new Set(sections)).toEqual(new Set(COUNTRIES));
    for (const code of COUNTRIES) {
      const tabs = await page.locator(`#ie-tabs-${code} tbody tr`).evaluateAll((rows) => rows.map((r) => ({
        location: r.querySelector("[data-key=location]")!.textContent!,
        rejected: Number(r.querySelector("[data-key=rows_rejected]")!.textContent!.replace(/\s/g, "")),
      })));
      const listed = await page.locator(`#ie-rejects-${code} tbody tr [data-key=file]`).allTextContents();
      // One row per tab (the workbook's Formateurs, the API's Sessions), one per national file.
      // Files are named from their source's folder: the country folder and the file, or the file.
      expect(tabs.map((t) => t.location).sort(), code).toEqual([`${code}/export-2026-09.csv`, `${code}/export-2026-10.csv`, `${code}.xlsx!Formateurs`, `sheet-${code}-id!Sessions`].sort());
      for (const tab of tabs) expect(listed.filter((f) => f === tab.location).length, `${code} ${tab.location}`).toBe(tab.rejected);
      expect(listed.length).toBe(tabs.reduce((sum, t) => sum + t.rejected, 0));
      expect(await page.locator(`#${code} p`, { hasText: "rejet(s) listé(s) sur" }).textContent()).toContain(`${listed.length} rejet(s) listé(s) sur ${listed.length}`);
    }
    await page.close();
  });

  it("links each country's API tab and its rejected cells to Google Sheets, explains the gaps, shows no server path and no command", async () => {
    const { page } = await visit("en/qualite#GN");
    const gn = page.locator("#GN");
    expect(await gn.locator("h2").textContent()).toBe("Guinea");
    // The deep link lands on the country's section.
    expect(await gn.evaluate((s) => Math.abs(s.getBoundingClientRect().top) < 200)).toBe(true);
    const tab = gn.locator("#ie-tabs-GN a", { hasText: "sheet-GN-id!Sessions" });
    expect(await tab.getAttribute("href")).toMatch(/^https:\/\/docs\.google\.com\/spreadsheets\/d\/sheet-GN-id\/edit#gid=\d+$/);
    const cells = await gn.locator("#ie-rejects-GN a").evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute("href")]));
    expect(cells).toEqual(expect.arrayContaining([["Sessions!H5", expect.stringMatching(/#gid=\d+&range=H5$/)], ["Sessions!I5", expect.stringMatching(/#gid=\d+&range=I5$/)]]));
    // 12 read, 11 loaded: one row with a problem (two cells); 31 read, 30 loaded with no reject: a total row or repeat.
    const why = await gn.locator("#ie-tabs-GN tbody tr").evaluateAll((rows) => Object.fromEntries(rows.map((r) => [
      r.querySelector("[data-key=location]")!.textContent, r.querySelector("[data-key=why]")!.textContent])));
    expect(why["sheet-GN-id!Sessions"]).toBe("1 with a problem (see the rejects)");
    expect(why["GN/export-2026-09.csv"]).toBe("1 total row(s) or day(s) already received");
    expect(why["GN.xlsx!Formateurs"]).toBe("2 with a problem (see the rejects)");
    const text = await page.locator("main").textContent();
    expect(text).not.toContain("/srv/");
    expect(text).not.toMatch(/--country|imaginecole (run|import|sheets)/);
    for (const name of ["Last edited", "Last loaded", "Latest period reported"]) expect(await gn.locator("#ie-dates-GN th", { hasText: name }).count()).toBe(1);
    await page.close();
  });
});
