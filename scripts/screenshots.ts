// Screenshots of the built dashboard for the README: the overview and one country page, in French
// and English, on a laptop (1366 × 900) and a phone (390 × 844), taken in headless Chromium from
// the built site served on 127.0.0.1 as `imaginecole serve` serves it.
// Usage: npx tsx scripts/screenshots.ts [site folder, default dist/] [country code, default SN]
import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../src/export/chromium.ts";
import { serveDist } from "../src/site/serve.ts";

const ROOT = resolve(fileURLToPath(import.meta.url), "../..");
/** The two screens the README shows: a laptop's and a phone's (the phone as a touch device). */
export const SCREENS = {
  desktop: { viewport: { width: 1366, height: 900 }, isMobile: false, hasTouch: false },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
} as const;

export interface ScreenshotOptions {
  /** The built site; default dist/. */
  dir?: string;
  /** Where the PNG files go; default docs/screenshots/. */
  out?: string;
  /** The country page to show; default Senegal. */
  country?: string;
  /** Languages to take; default both. */
  langs?: readonly ("fr" | "en")[];
}

/**
 * `<page>-<lang>-<screen>.png` for the overview and one country page, in each language, on each
 * screen: the desktop overview whole, every other shot its first screen (modest files for the
 * README). Written in a fixed order; returns the files written.
 */
export async function takeScreenshots(options: ScreenshotOptions = {}): Promise<string[]> {
  const dir = resolve(options.dir ?? join(ROOT, "dist"));
  const out = resolve(options.out ?? join(ROOT, "docs", "screenshots"));
  if (!existsSync(join(dir, "index.html"))) {
    throw new Error(`Aucun site construit dans ${dir} : lancez « npm run build ». / No built site in ${dir}: run "npm run build".`);
  }
  mkdirSync(out, { recursive: true });
  const server = await serveDist(dir);
  const browser = await launchChromium();
  try {
    const written: string[] = [];
    for (const [screen, device] of Object.entries(SCREENS)) {
      const context = await browser.newContext({ ...device, deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const lang of options.langs ?? (["fr", "en"] as const)) {
        const shots: [string, string, boolean][] = [
          [`${lang}/`, "overview", screen === "desktop"],
          [`${lang}/pays/${options.country ?? "SN"}`, "country", false],
        ];
        for (const [path, name, fullPage] of shots) {
          await page.goto(`${server.url}${path}`, { waitUntil: "networkidle" });
          await page.waitForFunction(() => !document.querySelector("main .observablehq--loading, main observablehq-loading"));
          const file = join(out, `${name}-${lang}-${screen}.png`);
          await page.screenshot({ path: file, fullPage });
          written.push(file);
        }
      }
      await context.close();
    }
    return written;
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const file of await takeScreenshots({ dir: process.argv[2], country: process.argv[3] })) process.stdout.write(`${file}\n`);
}
