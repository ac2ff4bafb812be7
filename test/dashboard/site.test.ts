// The built dashboard in headless Chromium: every page in both languages, the language switch,
// the numbers of a country page against mart.indicators, escaping, the overview's weight, and a
// country that exists only as a row of the reference CSV. The site is built once, offline.
import { DuckDBInstance } from "@duckdb/node-api";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, ConsoleMessage, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { PAGES } from "../../dashboards/components/i18n.ts";
import { formatNumber, formatPercent, formatValue } from "../../src/core/format.ts";
import { launchChromium } from "../../src/export/chromium.ts";
import { RULE_GUIDE, RULES } from "../../src/mart/catalogue.ts";
import { loadRules, ruleThreshold } from "../../src/mart/rules-config.ts";
import { serveDist } from "../../src/site/serve.ts";
import { axeViolations, clippedChartText, offscreen, unreachableMenuEntries } from "./layout.ts";
import { buildTestSite, type TestSite } from "./site.ts";

const COUNTRIES = ["BF", "ML", "SN", "NE", "BJ", "CI", "GN", "TG", "CM", "TD", "GA"];
const OVERVIEW_BUDGET = 200 * 1024;

let site: TestSite;
let server: { url: string; close: () => Promise<void> };
let browser: Browser;

beforeAll(async () => {
  site = await buildTestSite();
  server = await serveDist(site.dir);
  browser = await launchChromium();
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
  /** Ends the visit: its tab goes back to be reused, or is closed when it had a context of its own. */
  done: () => Promise<void>;
}

// Tabs left open by one visit and reused by the next at the same size: a page loaded in an open tab
// costs Chromium half the CPU of a new tab (no new renderer process). Each size has one browser
// context, as a reader's browser: the site keeps no state in it but the HTTP cache.
const contexts = new Map<number, Promise<BrowserContext>>();
const idleTabs = new Map<BrowserContext, Page[]>();
const contextFor = (viewport: { width: number; height: number }) => {
  if (!contexts.has(viewport.width)) contexts.set(viewport.width, browser.newContext({ viewport }));
  return contexts.get(viewport.width)!;
};

async function openTab(viewport: { width: number; height: number }): Promise<Page> {
  const context = await contextFor(viewport);
  return idleTabs.get(context)?.pop() ?? context.newPage();
}

async function reuseTab(page: Page): Promise<void> {
  // A blank page in between: the next visit loads its page in full, even one differing by its #hash.
  await page.goto("about:blank");
  const idle = idleTabs.get(page.context()) ?? [];
  idleTabs.set(page.context(), idle);
  idle.push(page);
}

/**
 * Opens a path and records console errors, uncaught exceptions, requests leaving 127.0.0.1 and,
 * when asked (`weigh`), each response's gzipped size: with `weigh`, in a fresh context of its own
 * (an empty cache), otherwise in a tab of the context of its size.
 */
async function visit(path: string, viewport = { width: 1280, height: 900 }, o: { weigh?: boolean } = {}): Promise<Visit> {
  const page = o.weigh ? await browser.newPage({ viewport }) : await openTab(viewport);
  const errors: string[] = [];
  const outside: string[] = [];
  const bytes = new Map<string, number>();
  const onConsole = (m: ConsoleMessage) => { if (m.type() === "error") errors.push(m.text()); };
  const onError = (e: Error) => errors.push(e.message);
  const onRequest = (r: Request) => {
    const url = r.url();
    if (!url.startsWith("http://127.0.0.1:") && !url.startsWith("data:")) outside.push(url);
  };
  page.on("console", onConsole);
  page.on("pageerror", onError);
  page.on("request", onRequest);
  if (o.weigh) page.on("response", async (r) => {
    try {
      bytes.set(r.url(), gzipSync(await r.body()).length);
    } catch {
      // redirects have no body
    }
  });
  const done = async () => {
    page.off("console", onConsole);
    page.off("pageerror", onError);
    page.off("request", onRequest);
    if (o.weigh) await page.close();
    else await reuseTab(page);
  };
  await page.goto(`${server.url}${path}`, { waitUntil: "networkidle" });
  // Framework's placeholder for a value still being computed is an <observablehq-loading> element.
  await page.waitForFunction(() => !document.querySelector("main .observablehq--loading, main observablehq-loading"));
  return { page, errors, outside, bytes, done };
}

/** Rows of the test site's warehouse, read-only, as plain objects. */
async function warehouseRows<T>(sql: string, params?: Record<string, string>): Promise<T[]> {
  const instance = await DuckDBInstance.create(site.db, { access_mode: "READ_ONLY" });
  const conn = await instance.connect();
  try {
    return (await conn.runAndReadAll(sql, params)).getRowObjectsJS() as T[];
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

const pagePaths = (lang: string) => [
  ...PAGES.map(({ slug }) => `${lang}/${slug}`),
  ...COUNTRIES.map((code) => `${lang}/pays/${code}`),
];

// A phone (390 × 844) and a laptop (1366 × 900), every page in both languages, each page loaded
// once per size and every check made on that load: its charts are drawn with no console error and
// no request outside 127.0.0.1, nothing sticks out of the screen but a wide table's own scroll box,
// no chart label is cut off, the whole menu can be reached, and axe-core finds no serious or critical WCAG 2.1 AA violation.
// Pages are visited a few at a time: most of a visit is waiting for the network to fall idle.
const VIEWPORTS = [{ width: 390, height: 844 }, { width: 1366, height: 900 }];
describe("every page, on a phone and on a desktop", () => {
  for (const viewport of VIEWPORTS) {
    for (const lang of ["fr", "en"]) {
      for (const path of pagePaths(lang)) {
        it.concurrent(`${path} at ${viewport.width} px renders its charts with no console error and no request outside 127.0.0.1, fits the screen, reaches every menu entry and passes axe-core`, async ({ expect }) => {
          const { page, errors, outside, done } = await visit(path, viewport);
          let passed = false;
          try {
            expect(await page.getAttribute("html", "lang")).toBe(lang);
            expect((await page.locator("main h1").first().textContent())?.trim()).not.toBe("");
            if (path.endsWith("/snapshots")) expect(await page.locator("#ie-snapshots a").count()).toBeGreaterThan(0);
            // A chart is drawn once its width is known (resize), which may come after the page's values.
            else await page.locator("main svg").first().waitFor({ state: "attached", timeout: 30_000 });
            expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
            expect(errors, errors.join("\n")).toEqual([]);
            expect(outside).toEqual([]);
            expect(await offscreen(page)).toEqual([]);
            expect(await clippedChartText(page)).toEqual([]);
            const violations = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
            expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
            expect(await unreachableMenuEntries(page)).toEqual([]);
            passed = true;
          } finally {
            // A tab left in an unknown state by a failure is not reused.
            await (passed ? done() : page.close());
          }
        }, 180_000);
      }
    }
  }

  it.concurrent("folds the menu on a phone and opens it with one tap, without a script", async ({ expect }) => {
    const { page, done } = await visit("fr/goulots", VIEWPORTS[0]);
    const entry = page.locator(".ie-nav a", { hasText: "Formation" });
    expect(await entry.isVisible()).toBe(false);
    // The header holds the title bar and the folded menu only: the page's title is on the first screen.
    const header = await page.locator("#observablehq-header").boundingBox();
    expect(header!.height).toBeLessThan(150);
    expect(await page.locator("main h1").boundingBox().then((b) => b!.y)).toBeGreaterThanOrEqual(header!.y + header!.height);
    await page.locator(".ie-menu > summary").click();
    expect(await entry.isVisible()).toBe(true);
    await done();
  });

  it.concurrent("keeps a wide table's first column in view while the table scrolls sideways", async ({ expect }) => {
    const { page, done } = await visit("en/goulots", VIEWPORTS[0]);
    const table = page.locator("#ie-flags");
    const box = table.locator("xpath=..");
    expect(await box.evaluate((b) => b.scrollWidth > b.clientWidth)).toBe(true);
    await box.evaluate((b) => { b.scrollLeft = b.scrollWidth; });
    const first = await table.locator("tbody tr").first().locator("th").boundingBox();
    expect(first!.x).toBeGreaterThanOrEqual(0);
    expect(first!.x + first!.width).toBeLessThanOrEqual(VIEWPORTS[0]!.width);
    await done();
  });

  it.concurrent("has a skip link first, to the page's content", async ({ expect }) => {
    const { page, done } = await visit("en/", VIEWPORTS[0]);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe("#observablehq-main");
    expect(await page.locator("a.ie-skip").isVisible()).toBe(true);
    await done();
  });

  it.concurrent("gives every section heading an anchor named after it, not a number", async ({ expect }) => {
    const { page, done } = await visit("fr/pays/BF");
    const ids = await page.locator("main h2").evaluateAll((hs) => hs.map((h) => h.id));
    expect(ids.length).toBeGreaterThan(3);
    for (const id of ids) expect(id).toMatch(/^[a-z][\w-]*$/i);
    await done();
  });
});

describe("the site root", () => {
  it.concurrent("sends visitors to the French overview", async ({ expect }) => {
    const { page, done } = await visit("");
    await page.waitForURL(/\/fr\/$/);
    expect(await page.locator("main h1").first().textContent()).toBe("Vue d'ensemble");
    await done();
  });
});

describe("the country table of the overview", () => {
  it.concurrent("sorts by a column when its header is clicked, then reverses", async ({ expect }) => {
    const { page, done } = await visit("en/");
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
    await done();
  });
});

describe("a table's download and shared sort", () => {
  it.concurrent("downloads as CSV exactly the table shown, in the order shown", async ({ expect }) => {
    const { page, done } = await visit("fr/");
    const table = page.locator("#ie-countries-table");
    await table.locator("thead th", { hasText: "Formateurs formés" }).locator("button").click();
    const shown = await table.locator("tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => {
      const copy = cell.cloneNode(true) as Element;
      for (const hidden of copy.querySelectorAll(".ie-sr")) hidden.remove();
      return copy.textContent!.replace(/\s+/g, " ").trim();
    })));
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#ie-countries-table + a.ie-csv, .ie-table-block:has(#ie-countries-table) a.ie-csv").first().click()]);
    expect(download.suggestedFilename()).toBe("ie-countries-table.csv");
    const csv = readFileSync((await download.path())!, "utf8").replace(/^\ufeff/, "");
    const parsed = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true }).data;
    expect(parsed).toEqual(shown);
    expect(parsed.length).toBe(COUNTRIES.length + 1);
    await done();
  });

  it.concurrent("keeps a sort in the page's address, and a shared link opens the table sorted the same way", async ({ expect }) => {
    const { page, done } = await visit("en/");
    await page.locator("#ie-countries-table thead th", { hasText: "Trainers trained" }).locator("button").click();
    await page.locator("#ie-countries-table thead th", { hasText: "Trainers trained" }).locator("button").click();
    const address = page.url();
    expect(new URL(address).searchParams.get("sort.ie-countries-table")).toBe("trainers_trained:desc");
    const order = () => page.locator("#ie-countries-table tbody th").allTextContents();
    const sorted = await order();
    await done();
    const shared = await visit(address.replace(server.url, ""));
    expect(await shared.page.locator("#ie-countries-table thead th", { hasText: "Trainers trained" }).getAttribute("aria-sort")).toBe("descending");
    expect(await shared.page.locator("#ie-countries-table tbody th").allTextContents()).toEqual(sorted);
    await shared.done();
  });
});

describe("the period choice", () => {
  /** The fixture's rows of mart.indicator_periods for one period, as the overview reads them. */
  async function periodRows(period: string): Promise<Map<string, number | null>> {
    const rows = await warehouseRows<{ country_code: string; indicator_id: string; value: number | null }>(
      `SELECT p.country_code, p.indicator_id, CASE WHEN c.cumulative THEN p.running_total ELSE p.value END AS value
       FROM mart.indicator_periods p JOIN mart.indicator_catalogue c USING (indicator_id)
       WHERE p.period = $period AND p.country_code <> 'ALL' AND p.disaggregation = ''`,
      { period },
    );
    return new Map(rows.map((r) => [`${r.country_code}|${r.indicator_id}`, r.value]));
  }
  const shownCells = (page: Page) => page.locator("#ie-countries-table tbody td[data-key='monthly_active_users'], #ie-countries-table tbody td[data-key='trainers_trained']")
    .evaluateAll((cells) => cells.map((c) => ({
      code: (c.parentElement!.querySelector("a")!.getAttribute("href") ?? "").split("/").pop()!,
      key: c.getAttribute("data-key")!,
      value: c.firstChild?.firstChild?.textContent ?? "",
    })));

  it.concurrent("opens the overview on the quarter of a shared link and shows that quarter's figures from mart.indicator_periods", async ({ expect }) => {
    const expected = await periodRows("2026-Q2");
    expect(expected.size).toBeGreaterThan(0);
    const { page, errors, done } = await visit("en/?period=2026-Q2");
    expect(await page.locator("#ie-period").inputValue()).toBe("2026-Q2");
    expect(await page.getByLabel("Period shown").count()).toBe(1);
    expect(await page.locator("#ie-countries-table caption").textContent()).toContain("Q2 2026");
    const cells = await shownCells(page);
    expect(cells.length).toBe(2 * COUNTRIES.length);
    for (const cell of cells) {
      const value = expected.get(`${cell.code}|${cell.key}`);
      expect(value, `${cell.code} ${cell.key}`).toBeTypeOf("number");
      expect(cell.value, `${cell.code} ${cell.key}`).toBe(formatNumber("en", value, 0));
    }
    // Not the latest month's figures: a distinct-users quarter is its own figure.
    const latest = await visit("en/");
    const latestCells = await shownCells(latest.page);
    expect(latestCells.filter((c) => c.key === "monthly_active_users").map((c) => c.value))
      .not.toEqual(cells.filter((c) => c.key === "monthly_active_users").map((c) => c.value));
    expect(errors).toEqual([]);
    await latest.done();
    await done();
  });

  it.concurrent("keeps the period picked on the overview in the address, and back to the latest month without it", async ({ expect }) => {
    const { page, done } = await visit("fr/");
    expect(await page.locator("#ie-period").inputValue()).toBe("");
    await page.getByLabel("Période affichée").selectOption("2025");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("period") === "2025");
    const expected = await periodRows("2025");
    await expect.poll(async () => (await shownCells(page)).find((c) => c.code === "BF" && c.key === "monthly_active_users")?.value)
      .toBe(formatNumber("fr", expected.get("BF|monthly_active_users")!, 0));
    await page.getByLabel("Période affichée").selectOption("");
    await page.waitForFunction(() => !new URL(location.href).searchParams.has("period"));
    await done();
  });

  it.concurrent("opens a country page on the year of a shared link, with that year's figures from mart.indicator_periods", async ({ expect }) => {
    const expected = await warehouseRows<{ indicator_id: string; value: number }>(
      `SELECT p.indicator_id, CASE WHEN c.cumulative THEN p.running_total ELSE p.value END AS value
       FROM mart.indicator_periods p JOIN mart.indicator_catalogue c USING (indicator_id)
       WHERE p.period = '2025' AND p.country_code = 'SN' AND p.disaggregation = '' AND p.value IS NOT NULL`,
    );
    expect(expected.length).toBeGreaterThan(0);
    const { page, errors, done } = await visit("fr/pays/SN?period=2025");
    expect(await page.getByLabel("Période affichée").inputValue()).toBe("2025");
    const shown = await page.locator("#ie-country-indicators [data-indicator]").evaluateAll((cells) =>
      cells.map((c) => ({ indicator_id: c.getAttribute("data-indicator"), value: Number(c.getAttribute("data-value")) })));
    expect(shown.sort((a, b) => a.indicator_id!.localeCompare(b.indicator_id!)))
      .toEqual(expected.sort((a, b) => a.indicator_id.localeCompare(b.indicator_id)));
    await page.getByLabel("Période affichée").selectOption("2026-Q1");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("period") === "2026-Q1");
    await expect.poll(() => page.locator("#ie-country-indicators caption").textContent()).toContain("T1 2026");
    expect(errors).toEqual([]);
    await done();
  });
});

describe("language switch", () => {
  it.concurrent("takes the overview from French to English labels and back", async ({ expect }) => {
    const { page, done } = await visit("fr/");
    expect(await page.locator("main h1").first().textContent()).toBe("Vue d'ensemble");
    expect(await page.locator(".ie-nav").textContent()).toContain("Qualité des données");
    await page.click("a.ie-lang");
    await page.waitForURL(/\/en\/$/);
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "Overview");
    expect(await page.locator(".ie-nav").textContent()).toContain("Data quality");
    expect(await page.locator("#ie-countries-table thead").textContent()).toContain("Country");
    await page.click("a.ie-lang");
    await page.waitForURL(/\/fr\/$/);
    await done();
  });

  it.concurrent("keeps the same country when switching a country page", async ({ expect }) => {
    const { page, done } = await visit("fr/pays/CI");
    expect(await page.getAttribute("a.ie-lang", "href")).toMatch(/en\/pays\/CI$/);
    await done();
  });
});

describe("a country page", () => {
  it.concurrent("shows the latest value of every indicator of mart.indicators for that country", async ({ expect }) => {
    const expected = await warehouseRows<{ indicator_id: string; value: number; unit: string }>(
      `SELECT i.indicator_id, i.value, c.unit FROM mart.indicators i
       JOIN mart.indicator_catalogue c USING (indicator_id)
       WHERE i.country_code = 'BF' AND i.disaggregation = '' AND i.value IS NOT NULL
       QUALIFY row_number() OVER (PARTITION BY i.indicator_id ORDER BY i.period DESC) = 1`,
    );
    expect(expected.length).toBeGreaterThan(5);

    const { page, done } = await visit("fr/pays/BF");
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
    // People are whole: the fixture's half user (…,5) is shown rounded, never with a decimal.
    const users = shown.find((s) => s.id === "monthly_active_users")!;
    expect(Number.isInteger(users.value)).toBe(false);
    expect(users.text).toBe(formatNumber("fr", Math.round(users.value), 0));
    await done();
  });

  it.concurrent("writes untrusted sheet text as text, never as markup", async ({ expect }) => {
    const { page, done } = await visit("en/pays/BJ");
    expect(await page.locator("main").textContent()).toContain(`<img src=x onerror="window.__pwned=1">`);
    expect(await page.locator("main img").count()).toBe(0);
    await done();
  });
});

describe("a country added as a row of the reference CSV", () => {
  it.concurrent("gets its page and its place on the map with no code change", async ({ expect }) => {
    const { page, done } = await visit("fr/");
    // The map is drawn once its width is known (resize), after the page's values.
    await page.locator("figure svg a").first().waitFor();
    const links = await page.locator("figure svg a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links).toHaveLength(COUNTRIES.length);
    expect(links).toContain("./pays/GA");
    await done();
    const gabon = await visit("en/pays/GA");
    expect(await gabon.page.locator("main h1").first().textContent()).toBe("Gabon");
    await gabon.done();
  });
});

describe("the overview page", () => {
  it.concurrent("leads with the countries behind, named in the sentence as in the table, and says how fresh the data is", async ({ expect }) => {
    const { page, done } = await visit("fr/");
    const rows = await page.locator("#ie-countries-table tbody tr").evaluateAll((trs) => trs.map((tr) => ({
      name: tr.querySelector("th")!.textContent!.trim(),
      status: tr.querySelector('[data-key="status"] .ie-status')!.className.replace(/.*ie-status-/, ""),
    })));
    expect(rows).toHaveLength(COUNTRIES.length);
    const behind = rows.filter((r) => r.status === "off_track" || r.status === "at_risk");
    expect(behind.length).toBeGreaterThan(0);
    const headline = (await page.locator("#ie-headline").textContent())!;
    expect(headline).toMatch(new RegExp(`^${behind.length} pays sur ${COUNTRIES.length} en retard ou à surveiller : `));
    for (const r of rows) {
      if (behind.includes(r)) expect(headline).toContain(r.name);
      else expect(headline.split("Sans données")[0]).not.toContain(`${r.name} (`);
    }
    // Off-track countries come before the at-risk ones.
    const positions = behind.map((r) => ({ ...r, at: headline.indexOf(`${r.name} (`) }));
    const lastOff = Math.max(...positions.filter((p) => p.status === "off_track").map((p) => p.at));
    const firstRisk = Math.min(...positions.filter((p) => p.status === "at_risk").map((p) => p.at));
    expect(lastOff).toBeLessThan(firstRisk);
    expect(await page.locator("#ie-freshness").textContent()).toBe("Données au 31/10/2026 · mises à jour le 15/11/2026 à 08:00 (UTC)");
    const { targetStatus } = loadRules(join(import.meta.dirname, "../../pipelines/indicators.json"));
    expect(await page.locator("#ie-status-rule").textContent()).toContain(`la moins bonne de ses indicateurs par rapport à leur trajectoire (en bonne voie à partir de ${formatPercent("fr", targetStatus.onTrack)}`);
    await done();
  });

  it.concurrent("colours each key figure by the mart's all-country status and names the phase target and its date", async ({ expect }) => {
    const { page, done } = await visit("en/");
    const card = page.locator('.ie-card[data-indicator="Trainers trained"]');
    expect(await card.getAttribute("data-status")).toBe("at_risk");
    expect(await card.locator(".ie-status").textContent()).toBe("At risk");
    expect(await card.locator(".ie-phase-target").textContent()).toBe("Phase target: 3,000 by 2027-12-31");
    expect(await page.locator('.ie-card[data-indicator="Teachers trained (cascade)"]').getAttribute("data-status")).toBe("off_track");
    await done();
  });

  it.concurrent("writes the share of the target in every cell and marks exactly the lagging ones", async ({ expect }) => {
    const { page, done } = await visit("en/");
    const cells = await page.locator('#ie-countries-table tbody td[data-key="trainers_trained"]').evaluateAll((tds) => tds.map((td) => ({
      lag: td.classList.contains("ie-lag"),
      status: td.querySelector("[data-status]")?.getAttribute("data-status") ?? null,
      value: Number(td.firstChild!.firstChild!.textContent!.replace(/\D/g, "")),
      target: Number(td.querySelector(".ie-target")?.textContent?.replace(/\D/g, "") ?? "NaN"),
      share: td.querySelector(".ie-pct")?.textContent ?? "",
    })));
    expect(cells.length).toBe(COUNTRIES.length);
    expect(cells.some((c) => c.lag)).toBe(true);
    expect(cells.some((c) => !c.lag && c.share !== "")).toBe(true);
    for (const c of cells.filter((c) => c.share !== "")) {
      expect(c.lag).toBe(c.status === "off_track" || c.status === "at_risk");
      expect(c.share).toContain(formatPercent("en", c.value / c.target));
      if (c.lag) expect(c.share).toMatch(/^▼ .*\((Off track|At risk)\)$/);
    }
    await done();
  });

  it.concurrent(`weighs at most ${OVERVIEW_BUDGET / 1024} KB gzipped in all`, async ({ expect }) => {
    const { bytes, done } = await visit("fr/", undefined, { weigh: true });
    const total = [...bytes.values()].reduce((a, b) => a + b, 0);
    expect(bytes.size).toBeGreaterThan(10);
    expect(total, `${total} bytes gzipped`).toBeLessThanOrEqual(OVERVIEW_BUDGET);
    await done();
  });
});

describe("printing", () => {
  it.concurrent("hides the menu and the language switch and keeps the content", async ({ expect }) => {
    const { page, done } = await visit("fr/pays/SN");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".ie-nav").isVisible()).toBe(false);
    expect(await page.locator("a.ie-lang").isVisible()).toBe(false);
    expect(await page.locator("#ie-country-indicators").isVisible()).toBe(true);
    // Dated on paper, with colours kept.
    expect(await page.locator(".ie-print-stamp").textContent()).toMatch(/^Tableau de bord ImaginEcole, version du \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2} \(UTC\)\.$/);
    expect(await page.locator(".ie-print-stamp").isVisible()).toBe(true);
    expect(await page.locator(".ie-status").first().evaluate((b) => getComputedStyle(b).printColorAdjust)).toBe("exact");
    await page.emulateMedia({ media: "screen" });
    expect(await page.locator(".ie-print-stamp").isVisible()).toBe(false);
    await done();
  });
});

describe("the map of the overview", () => {
  it.concurrent("names every member country, labels each link with its name and status, and sets no-data apart from non-members", async ({ expect }) => {
    // Gabon's figures are taken away on the way to the browser: the map must draw it as "no data".
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.route(/\/_file\/data\/countries\.[0-9a-f]+\.json$/, async (route) => {
      const countries = (await (await route.fetch()).json()) as { country_code: string; status: string }[];
      await route.fulfill({ json: countries.map((c) => (c.country_code === "GA" ? { ...c, status: "no_data" } : c)) });
    });
    await page.goto(`${server.url}en/`, { waitUntil: "networkidle" });
    const svg = page.locator("figure svg[aria-label]").filter({ has: page.locator("a") });
    const labels = await svg.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("aria-label")));
    expect(labels).toHaveLength(COUNTRIES.length);
    for (const l of labels) expect(l).toMatch(/^[A-Z][^—]+ — (On track|At risk|Off track|No data)$/);
    expect(labels).toContain("Gabon — No data");
    const text = await svg.locator("text").allTextContents();
    expect(text).toContain("Burkina Faso");
    expect(text).not.toContain("BF");
    // Gabon is white with a dashed outline; the neighbours are filled grey, with no dashes.
    const style = (selector: string) => svg.locator(selector).first().evaluate((p) => {
      const g = p.closest("g")!;
      return { fill: g.getAttribute("fill"), dashes: g.getAttribute("stroke-dasharray") };
    });
    expect(await style('a[aria-label="Gabon — No data"] path')).toEqual({ fill: "#ffffff", dashes: "4,3" });
    expect(await style('g[fill="#e4e4e4"] path')).toEqual({ fill: "#e4e4e4", dashes: null });
    await page.close();
  });
});

describe("the bottlenecks page", () => {
  it.concurrent("lists the flags most severe first, each with a link to its figures, and every rule with its threshold and action", async ({ expect }) => {
    const { page, done } = await visit("fr/goulots");
    const severity = { high: 4, medium: 3, low: 2, info: 1 } as Record<string, number>;
    const rows = await page.locator("#ie-flags tbody tr").evaluateAll((trs) => trs.map((tr) => ({
      severity: tr.querySelector(".ie-status")!.className.replace(/.*ie-severity-/, ""),
      evidence: tr.querySelector("a.ie-evidence")?.getAttribute("href") ?? null,
    })));
    expect(rows.length).toBeGreaterThan(3);
    const ranks = rows.map((r) => severity[r.severity]!);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    for (const href of new Set(rows.map((r) => r.evidence))) {
      expect(href).not.toBeNull();
      const response = await page.request.get(new URL(href!, page.url()).toString());
      expect(response.status(), href!).toBe(200);
    }
    const rules = loadRules(join(import.meta.dirname, "../../pipelines/indicators.json"));
    const list = page.locator("#ie-rules");
    expect(await list.locator("dt").count()).toBe(RULES.length);
    expect(await list.locator("dd.ie-action").count()).toBe(RULES.length);
    expect(await list.locator("#rule-behind_trajectory + dd.ie-threshold").textContent()).toContain(ruleThreshold("behind_trajectory", rules).fr);
    expect(await list.textContent()).toContain(RULE_GUIDE.stale_data.action_fr);
    await done();
  });
});

describe("the snapshots page", () => {
  it.concurrent("links to the exported files, which the site serves", async ({ expect }) => {
    const { page, done } = await visit("fr/snapshots");
    const href = await page.locator("#ie-snapshots a", { hasText: "indicators.csv" }).getAttribute("href");
    const response = await page.request.get(new URL(href!, page.url()).toString());
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain("BF,trainers_trained,84");
    expect(await page.locator("#ie-snapshots h2").textContent()).toContain("31/10/2026");
    await done();
  });
});

describe("the data-quality page, per country", () => {
  it.concurrent("gives each country a section whose per-tab counts equal the rejects listed under it", async ({ expect }) => {
    const { page, errors, done } = await visit("fr/qualite#GN");
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
    await done();
  });

  it.concurrent("links each country's API tab and its rejected cells to Google Sheets, explains the gaps, shows no server path and no command", async ({ expect }) => {
    const { page, done } = await visit("en/qualite#GN");
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
    await done();
  });
});

describe("without JavaScript", () => {
  /** The text of each row of a table, cell by cell; `drop` takes out text only the interactive table adds. */
  const rowsOf = (page: Page, selector: string, drop = "") =>
    page.locator(`${selector} tbody tr`).evaluateAll((trs, d) => trs.map((tr) =>
      [...tr.querySelectorAll("th, td")].map((c) => (d ? c.textContent!.split(d).join("") : c.textContent!).replace(/\s+/g, " ").trim())), drop);

  async function withoutScript(path: string): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`);
    return page;
  }

  it.concurrent("writes the overview's sentences, key figures and country table into its HTML, the same as the page draws them, in at most 50 KB", async ({ expect }) => {
    const html = readFileSync(join(site.dir, "fr", "index.html"));
    expect(html.length).toBeLessThanOrEqual(50 * 1024);
    const bare = await withoutScript("fr/");
    const { page, done } = await visit("fr/");
    expect(await bare.locator("main h1").textContent()).toBe("Vue d'ensemble");
    expect(await bare.locator("#ie-headline").textContent()).toMatch(/^\d+ pays sur 11 en retard ou à surveiller : .+ \(en retard\)/);
    expect(await bare.locator("#ie-freshness").textContent()).toBe("Données au 31/10/2026 · mises à jour le 15/11/2026 à 08:00 (UTC)");
    expect(await bare.locator("#ie-status-rule").textContent()).toContain("en bonne voie à partir de");
    const shown = await rowsOf(page, "#ie-countries-table");
    expect(shown).toHaveLength(COUNTRIES.length);
    expect(await rowsOf(bare, "#ie-static-countries")).toEqual(shown);
    const bigs = (p: Page, selector: string) => p.locator(`${selector} .ie-card .ie-big`).allTextContents();
    expect(await bigs(bare, "#ie-static-cards")).toEqual(await bigs(page, "main"));
    // Once the script has run, each written block has given way to its interactive version.
    expect(await page.locator(".ie-static").count()).toBe(0);
    await bare.context().close();
    await done();
  });

  it.concurrent("writes a country page's status, flags and latest indicators into its HTML", async ({ expect }) => {
    const bare = await withoutScript("en/pays/TD");
    const { page, done } = await visit("en/pays/TD");
    expect(await bare.locator("main h1").textContent()).toBe("Chad");
    expect(await bare.locator("main .ie-lede .ie-status").textContent()).toBe(await page.locator("main .ie-lede .ie-status").textContent());
    expect(await bare.locator("nav.ie-toc a").count()).toBeGreaterThan(3);
    const [{ n: flagged } = { n: 0 }] = await warehouseRows<{ n: number }>("SELECT count(*)::INTEGER AS n FROM mart.bottlenecks WHERE country_code = 'TD'");
    expect(flagged).toBeGreaterThan(0);
    expect(await bare.locator("#bottlenecks + ul > li").count()).toBe(flagged);
    const shown = await rowsOf(page, "#ie-country-indicators");
    expect(shown.length).toBeGreaterThan(5);
    expect(await rowsOf(bare, "#ie-static-indicators")).toEqual(shown);
    expect(await page.locator(".ie-static").count()).toBe(0);
    await bare.context().close();
    await done();
  });

  it.concurrent("writes every bottleneck flag, most severe first, and every rule with its threshold and action into the HTML", async ({ expect }) => {
    const bare = await withoutScript("fr/goulots");
    const { page, done } = await visit("fr/goulots");
    const shown = await rowsOf(page, "#ie-flags", "Voir les chiffres");
    expect(shown.length).toBeGreaterThan(0);
    expect(await rowsOf(bare, "#ie-static-flags")).toEqual(shown);
    expect(await bare.locator("#ie-rules dt").count()).toBe(RULES.length);
    expect(await bare.locator("#ie-rules dd.ie-action").count()).toBe(RULES.length);
    await bare.context().close();
    await done();
  });
});
