// Screenshots of the built dashboard for the README: the overview and one country page, taken in
// headless Chromium from the site in dist/ served on 127.0.0.1.
import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serveDist } from "../src/site/serve.ts";

const ROOT = resolve(fileURLToPath(import.meta.url), "../..");
const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--disable-quic", "--no-first-run", "--disable-sync",
];

export interface ScreenshotOptions {
  /** The built site; default dist/. */
  dir?: string;
  /** Where the PNG files go; default docs/screenshots/. */
  out?: string;
  /** The country page to show; default Senegal. */
  country?: string;
  lang?: "fr" | "en";
}

export async function takeScreenshots(options: ScreenshotOptions = {}): Promise<string[]> {
  const dir = resolve(options.dir ?? join(ROOT, "dist"));
  const out = resolve(options.out ?? join(ROOT, "docs", "screenshots"));
  const lang = options.lang ?? "fr";
  if (!existsSync(join(dir, "index.html"))) {
    throw new Error(`Aucun site construit dans ${dir} : lancez « npm run build ». / No built site in ${dir}: run "npm run build".`);
  }
  mkdirSync(out, { recursive: true });
  const server = await serveDist(dir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    // The overview whole; the country page's first screens (its table and first trends).
    const shots: [string, string, boolean][] = [
      [`${lang}/`, "overview.png", true],
      [`${lang}/pays/${options.country ?? "SN"}`, "country.png", false],
    ];
    const written: string[] = [];
    await page.setViewportSize({ width: 1280, height: 1500 });
    for (const [path, file, fullPage] of shots) {
      await page.goto(`${server.url}${path}`, { waitUntil: "networkidle" });
      await page.waitForFunction(() => !document.querySelector("main .observablehq--loading"));
      await page.screenshot({ path: join(out, file), fullPage });
      written.push(join(out, file));
    }
    return written;
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const file of await takeScreenshots({ country: process.argv[2] })) process.stdout.write(`${file}\n`);
}
