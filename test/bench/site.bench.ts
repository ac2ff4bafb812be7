// The built site as a reader gets it, in headless Chromium: bytes transferred, the page without
// JavaScript, and first readable content on a slow 3G link; for the site served by `serveDist`
// (precompressed copies, cache headers) and, side by side, the same files served plainly (no
// compression, no cache headers: the site as it was served before).
import { createReadStream, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../../src/export/chromium.ts";
import { contentType, resolveRequest, serveDist } from "../../src/site/serve.ts";

/** The goals: overview ≤ 200 KB transferred, no-JS HTML ≤ 50 KB, readable on slow 3G ≤ 2 s. */
export const GOALS = { transferKb: 200, htmlKb: 50, readableSeconds: 2 };

/** Slow 3G as the issue measured it: 300 ms latency, 1.6 Mbit/s down, 0.75 Mbit/s up (bytes per second for CDP). */
/** How long a slow-3G run may take to show readable content, ms. */
const SLOW_TIMEOUT = 60_000;

export const SLOW_3G = { offline: false, latency: 300, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 };

export interface SiteRow {
  /** "serve" (serveDist) or "plain" (the same files, no compression, no cache headers). */
  server: "serve" | "plain";
  /** The page's path, e.g. `fr/pays/SN`. */
  page: string;
  /** Bytes transferred for a first visit with the cache disabled, headers included. */
  transferBytes: number;
  requests: number;
  /** Bytes transferred when the page is opened again in the same browser (its cache kept). */
  repeatBytes: number;
  /** The page's HTML: as transferred, and its bytes once decoded. */
  htmlTransferBytes: number;
  htmlBytes: number;
  /** Characters of `main`'s text with JavaScript disabled; whether its heading then has text. */
  noJsMainChars: number;
  noJsHeading: boolean;
  /** On slow 3G, best of `runs`, in seconds from navigation start; null when no run got there within SLOW_TIMEOUT. */
  firstContentfulPaint: number | null;
  firstReadable: number | null;
}

/**
 * Serves `dir` as `serveDist` maps its URLs, but sends every file as it is, with no compression
 * and no cache headers.
 */
export async function servePlain(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const root = resolve(dir);
  const server: Server = createServer((request, response) => {
    const found = resolveRequest(root, request.url ?? "/");
    if (found && "redirect" in found) response.writeHead(301, { location: found.redirect }).end();
    else if (found) {
      response.writeHead(200, { "content-type": contentType(found.file), "content-length": statSync(found.file).size });
      createReadStream(found.file).pipe(response);
    } else response.writeHead(404).end();
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => ok());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    }),
  };
}

/**
 * Marks, in the page, when `main`'s heading and first paragraph have text: the first animation
 * frame after that (a frame is not drawn before render-blocking styles have arrived), in ms from
 * navigation start, as `window.__readable`. Runs before the page's own scripts.
 */
function markReadable(): void {
  // No named helper in here: a transform (vitest's, tsx's) would rename it out of the page.
  const w = window as unknown as { __readable?: number };
  const observer = new MutationObserver(() => {
    const main = document.querySelector("main");
    if (w.__readable !== undefined || !main?.querySelector("h1")?.textContent?.trim() || !main.querySelector("p")?.textContent?.trim()) return;
    observer.disconnect();
    requestAnimationFrame(() => (w.__readable = performance.now()));
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

/** Bytes received per request (headers included) while `work` runs, and the document's own. */
async function transferred(context: BrowserContext, page: Page, work: () => Promise<unknown>, cache: "disabled" | "kept") {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: cache === "disabled" });
  const documents = new Set<string>();
  let bytes = 0;
  let requests = 0;
  let documentBytes = 0;
  cdp.on("Network.responseReceived", (e) => {
    if (e.type === "Document") documents.add(e.requestId);
  });
  cdp.on("Network.loadingFinished", (e) => {
    bytes += e.encodedDataLength;
    requests += 1;
    if (documents.has(e.requestId)) documentBytes += e.encodedDataLength;
  });
  await work();
  await cdp.detach();
  return { bytes, requests, documentBytes };
}

// Framework's placeholder for a value still being computed is an <observablehq-loading> element.
const settled = (page: Page) =>
  page.waitForFunction(() => !document.querySelector("main .observablehq--loading, main observablehq-loading"), undefined, { timeout: 60_000 });

async function measurePage(browser: Browser, base: string, path: string, runs: number): Promise<Omit<SiteRow, "server">> {
  const url = `${base}${path}`;
  // First visit, cache disabled; then the same page again with the cache the first visit filled.
  const visit = await browser.newContext();
  const page = await visit.newPage();
  const first = await transferred(visit, page, async () => {
    await page.goto(url, { waitUntil: "networkidle" });
    await settled(page);
  }, "disabled");
  // Through a blank page: the same address again would be a reload, which revalidates.
  await page.goto("about:blank");
  const repeat = await transferred(visit, page, async () => {
    await page.goto(url, { waitUntil: "networkidle" });
    await settled(page);
  }, "kept");
  await visit.close();

  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const bare = await noJs.newPage();
  let htmlBytes = 0;
  const html = await transferred(noJs, bare, async () => {
    const response = await bare.goto(url, { waitUntil: "load" });
    htmlBytes = (await response!.body()).length;
  }, "disabled");
  const { mainChars, heading } = await bare.evaluate(() => ({
    // biome-ignore lint/performance/useDomNodeTextContent: the text shown, not the text of hidden nodes
    mainChars: (document.querySelector("main") as HTMLElement | null)?.innerText.trim().length ?? 0,
    heading: !!document.querySelector("main h1")?.textContent?.trim(),
  }));
  await noJs.close();

  // Each run on a fresh context (nothing cached); a run that shows nothing readable in a minute
  // is left out (stderr says so), and a page none of whose runs did is reported as timed out (null).
  let firstContentfulPaint: number | null = null;
  let firstReadable: number | null = null;
  for (let run = 0; run < runs; run++) {
    const slow = await browser.newContext();
    try {
      await slow.addInitScript(markReadable);
      const p = await slow.newPage();
      const cdp = await slow.newCDPSession(p);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      await cdp.send("Network.emulateNetworkConditions", SLOW_3G);
      await p.goto(url, { waitUntil: "commit", timeout: SLOW_TIMEOUT });
      await p.waitForFunction(
        () => (window as unknown as { __readable?: number }).__readable !== undefined && performance.getEntriesByName("first-contentful-paint").length > 0,
        undefined,
        { timeout: SLOW_TIMEOUT },
      );
      const times = await p.evaluate(() => ({
        fcp: performance.getEntriesByName("first-contentful-paint")[0]!.startTime,
        readable: (window as unknown as { __readable: number }).__readable,
      }));
      firstContentfulPaint = Math.min(firstContentfulPaint ?? Number.POSITIVE_INFINITY, times.fcp / 1000);
      // Not readable before anything is painted.
      firstReadable = Math.min(firstReadable ?? Number.POSITIVE_INFINITY, Math.max(times.readable, times.fcp) / 1000);
    } catch (error) {
      process.stderr.write(`${url}, slow 3G run ${run + 1}: ${(error as Error).message.split("\n")[0]}\n`);
    } finally {
      await slow.close();
    }
  }
  return {
    page: path,
    transferBytes: first.bytes,
    requests: first.requests,
    repeatBytes: repeat.bytes,
    htmlTransferBytes: html.documentBytes,
    htmlBytes,
    noJsMainChars: mainChars,
    noJsHeading: heading,
    firstContentfulPaint,
    firstReadable,
  };
}

/** Every page, served both ways, in one browser. */
export async function benchSite(dir: string, pages: string[], runs = 3): Promise<SiteRow[]> {
  const servers = { serve: await serveDist(dir), plain: await servePlain(dir) };
  const browser = await launchChromium();
  try {
    const rows: SiteRow[] = [];
    for (const path of pages) {
      for (const server of ["plain", "serve"] as const) {
        process.stderr.write(`/${path}, ${server}…\n`);
        rows.push({ server, ...(await measurePage(browser, servers[server].url, path, runs)) });
      }
    }
    return rows;
  } finally {
    await browser.close();
    await servers.serve.close();
    await servers.plain.close();
  }
}

/** The overview, one country page and the bottlenecks page. */
export const SITE_PAGES = ["fr/", "fr/pays/SN", "fr/goulots"];
