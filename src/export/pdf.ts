import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";
import { ImaginEcoleError, EXIT } from "../core/errors.ts";
import type { Lang } from "../core/lang.ts";

export const CHROMIUM = process.env.IMAGINECOLE_CHROMIUM ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"];

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".csv": "text/csv",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
};

export interface PrintedPage {
  /** Site path, e.g. /fr/ or /fr/pays/SN. */
  url: string;
  /** PDF file to write. */
  out: string;
}

/**
 * The pages of the built dashboard a donor report holds: the overview and each country page that
 * was built, in the snapshot's language (dashboards/[lang]/, country pages under pays/).
 */
export function reportPages(siteDir: string, lang: Lang, countries: string[], pdfDir: string): PrintedPage[] {
  const overview = join(siteDir, lang, "index.html");
  if (!existsSync(overview)) {
    throw new ImaginEcoleError({
      fr: `Le tableau de bord construit n'a pas de page ${lang}/index.html dans ${siteDir}. Lancez « npm run build » puis recommencez.`,
      en: `The built dashboard has no ${lang}/index.html page in ${siteDir}. Run "npm run build", then try again.`,
    }, EXIT.usage);
  }
  const pages: PrintedPage[] = [{ url: `/${lang}/`, out: join(pdfDir, "overview.pdf") }];
  for (const code of countries) {
    if (existsSync(join(siteDir, lang, "pays", `${code}.html`))) {
      pages.push({ url: `/${lang}/pays/${code}`, out: join(pdfDir, `${code}.pdf`) });
    }
  }
  return pages;
}

/** Prints each page with headless Chromium from a server on 127.0.0.1; any other request is refused. */
export async function printPages(siteDir: string, pages: PrintedPage[]): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new ImaginEcoleError({
      fr: `Chromium est introuvable (${CHROMIUM}) : installez-le (apt-get install -y chromium) ou indiquez-le avec IMAGINECOLE_CHROMIUM.`,
      en: `Chromium not found (${CHROMIUM}): install it (apt-get install -y chromium) or name it with IMAGINECOLE_CHROMIUM.`,
    }, EXIT.usage);
  }
  const server = await serve(siteDir);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    await context.route("**/*", (route) =>
      route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort(),
    );
    for (const page of pages) {
      const tab = await context.newPage();
      await tab.goto(origin + page.url, { waitUntil: "networkidle" });
      await tab.emulateMedia({ media: "print" });
      await tab.pdf({ path: page.out, format: "A4", printBackground: true, margin: { top: "12mm", bottom: "12mm", left: "10mm", right: "10mm" } });
      await tab.close();
    }
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** Serves the built site the way Framework links it: /fr/pays/SN is fr/pays/SN.html, /fr/ is fr/index.html. */
function serve(root: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const candidates = [path, `${path}.html`, join(path, "index.html")].map((p) => join(root, normalize(p)));
    const file = candidates.find((p) => p.startsWith(root) && existsSync(p) && statSync(p).isFile());
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}
