// The headless Chromium that prints the snapshot report and the coordinator's note, and that the
// screenshots, the site bench and the browser tests drive: one path (IMAGINECOLE_CHROMIUM), one
// set of flags (no network of its own, no first-run work). Debian's chromium-headless-shell is
// taken when installed: the same engine without the browser's windowing layers, it draws and
// prints the same pages for about a third less CPU than `chromium --headless`.
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { EXIT, ImaginEcoleError } from "../core/errors.ts";
import type { Bilingual } from "../core/message.ts";

const INSTALLED = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"];

export const CHROMIUM = process.env.IMAGINECOLE_CHROMIUM ?? INSTALLED.find((path) => existsSync(path)) ?? INSTALLED[0]!;

export const CHROMIUM_ARGS: readonly string[] = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--disable-quic", "--no-first-run", "--disable-sync",
];

/**
 * Starts Chromium with CHROMIUM_ARGS and `args`; refuses with how to install it when it is missing,
 * followed by `otherwise` (what the command does without it).
 */
export function launchChromium(options: { args?: readonly string[]; otherwise?: Bilingual } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    const otherwise = options.otherwise;
    throw new ImaginEcoleError({
      fr: `Chromium est introuvable (${CHROMIUM}) : installez-le (apt-get install -y chromium-headless-shell) ou indiquez-le avec IMAGINECOLE_CHROMIUM.${otherwise ? ` ${otherwise.fr}` : ""}`,
      en: `Chromium not found (${CHROMIUM}): install it (apt-get install -y chromium-headless-shell) or name it with IMAGINECOLE_CHROMIUM.${otherwise ? ` ${otherwise.en}` : ""}`,
    }, EXIT.usage);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...(options.args ?? [])] });
}
