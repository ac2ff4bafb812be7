// What the build changes in each page Framework wrote: the page's language on <html>, and every
// inline script moved into a file beside the page, named by its content's hash. The site's
// Content-Security-Policy then allows scripts from the site itself only ('self'), with no hash
// list to keep in step with each build. A script beside its page resolves the page's relative
// imports exactly as the inline one did.
import { createHash } from "node:crypto";

export interface PageScript {
  /** File name, beside the page: `<page>.<hash>.js`. */
  name: string;
  content: string;
}

/** `fr/pays/BF.html` → `fr`; a page outside the language folders is French. */
export function pageLang(relativePath: string): "fr" | "en" {
  return /^en(\/|$)/.test(relativePath) ? "en" : "fr";
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/**
 * The page with its inline scripts replaced by `<script src>` elements and the scripts to write.
 * `page` is the page's file name without folder (`BF.html`).
 */
export function externalizeScripts(html: string, page: string): { html: string; scripts: PageScript[] } {
  const scripts: PageScript[] = [];
  const base = page.replace(/\.html$/, "");
  const out = html.replace(INLINE_SCRIPT, (whole, attributes: string, content: string) => {
    if (/\bsrc\s*=/i.test(attributes) || content.trim() === "") return whole;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    // Data blocks (JSON, templates) are not run: they stay where they are.
    if (type && type !== "module" && type !== "text/javascript" && type !== "application/javascript") return whole;
    const name = `${base}.${createHash("sha256").update(content).digest("hex").slice(0, 8)}.js`;
    if (!scripts.some((s) => s.name === name)) scripts.push({ name, content });
    return `<script${attributes} src="./${name}"></script>`;
  });
  return { html: out, scripts };
}

/**
 * Framework's viewport forbids zooming (`maximum-scale=1`): a reader on a phone who needs larger
 * text must be able to pinch (WCAG 1.4.4).
 */
export function allowZoom(html: string): string {
  return html.replace(/(<meta name="viewport" content="[^"]*?),\s*maximum-scale=[\d.]+/i, "$1");
}

/** `<html>` → `<html lang="fr">`, so the language is right before any script runs. */
export function setLang(html: string, lang: string): string {
  return html.replace(/<html(?![^>]*\blang=)([^>]*)>/i, `<html lang="${lang}"$1>`);
}
