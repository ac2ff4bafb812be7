// HTML written into a page's Markdown by a page loader. Every value is escaped, `$` included:
// Framework reads `${…}` anywhere in a page as a JavaScript expression, so a name or a sentence
// from the warehouse must never be able to write one.
import { escapeHtml } from "../../components/header.ts";

/** Markup already escaped, kept as it is when put inside other markup. */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

type Value = Html | string | number | null | undefined | false | Value[];

/** Text as it may stand in a page's Markdown: HTML-escaped, and `$` as an entity. */
export function escapeText(text: string): string {
  return escapeHtml(text).replace(/\$/g, "&#36;");
}

function markup(value: Value): string {
  if (value == null || value === false) return "";
  if (Array.isArray(value)) return value.map(markup).join("");
  if (value instanceof Html) return value.markup;
  return escapeText(String(value));
}

/**
 * `html\`<p>${text}</p>\``: the values escaped, arrays joined, null and false left out. Lines are
 * joined without blank lines, so Markdown reads the result as one HTML block and leaves it alone.
 */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += markup(value) + strings[i + 1]!;
  });
  return new Html(out.replace(/\n\s*\n/g, "\n"));
}
