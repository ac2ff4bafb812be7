// A page loader writes a page's Markdown: its template beside it (`<page>.page.md`) with the key
// content written in as HTML, so that figures, statuses and sentences are read without JavaScript
// and before it arrives on a slow link. In the template, `<!-- static:name -->` marks where a
// block goes and `${t(lang, "key")}` outside code (words that depend on the language only) is
// written out. A block the page's JavaScript also draws has the class `ie-static`: the script
// puts its interactive version in its place (components/staticBlock.js).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { asLang, type Lang } from "imaginecole/core";
import type { Edition } from "../../components/edition.ts";
import { t, type MessageKey } from "../../components/i18n.ts";
import { escapeText, type Html } from "./html.ts";
import { runLoader, type ReadOnlyWarehouse } from "./warehouse.ts";

export interface PageRequest {
  db: ReadOnlyWarehouse;
  edition: Edition;
  lang: Lang;
  /** The page's other parameters (`code` for a country page). */
  params: Record<string, string>;
}

export interface StaticPage {
  /** The page's title, for `<title>`. */
  title: string;
  /** The HTML for each `<!-- static:name -->` of the template. */
  blocks: Record<string, Html>;
}

const FENCE = /^```[\s\S]*?^```[ \t]*$/gm;
const MARK = /<!--\s*static:([\w-]+)\s*-->/g;
const WORDS = /\$\{t\(lang, "([\w.]+)"\)\}/g;

/** The template with its title, blocks and language-only words written in. Pure. */
export function fillTemplate(template: string, lang: Lang, page: StaticPage): string {
  const front = /^---\n([\s\S]*?)\n---\n/.exec(template);
  if (!front) throw new Error("A page template starts with its front matter (---).");
  const head = `---\n${front[1]!.replace(/^title:.*$/m, `title: ${JSON.stringify(page.title)}`)}\n---\n`;
  let body = "";
  let at = front[0].length;
  const prose = (text: string) =>
    text
      .replace(WORDS, (_, key: string) => escapeText(t(lang, key as MessageKey)))
      .replace(MARK, (_, name: string) => {
        const block = page.blocks[name];
        if (!block) throw new Error(`No block for <!-- static:${name} --> in the page template.`);
        return block.markup;
      });
  for (const code of template.slice(at).matchAll(FENCE)) {
    body += prose(template.slice(at, front[0].length + code.index)) + code[0];
    at = front[0].length + code.index + code[0].length;
  }
  return head + body + prose(template.slice(at));
}

/** Runs a page loader: `template` beside the loader (`import.meta.url`), filled by `render`. */
export async function runPageLoader(
  loader: string,
  template: string,
  render: (request: PageRequest) => Promise<StaticPage>,
): Promise<void> {
  const { values } = parseArgs({ options: { lang: { type: "string" }, code: { type: "string" } } });
  const lang = asLang(values.lang);
  const params = Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => typeof e[1] === "string"));
  const markdown = readFileSync(new URL(template, loader), "utf8");
  await runLoader(
    (db, edition) => render({ db, edition, lang, params }),
    (page) => fillTemplate(markdown, lang, page),
  );
}
