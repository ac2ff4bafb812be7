// The header every page gets at build time: the menu in the page's language and the switch to the
// same page in the other language. Plain links, so it works before (and without) any script.
import { asLang, otherLang, type Lang } from "imaginecole/core";
import { countryName, PAGES, t, type CountryNames } from "./i18n.ts";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The language of a page path such as `/fr/pays/BF` (French when the path names none). */
export function pathLang(path: string): Lang {
  return asLang(/^\/(fr|en)(\/|$)/.exec(path)?.[1]);
}

/** The same page in the other language. */
export function switchPath(path: string, to: Lang): string {
  const rest = path.replace(/^\/(fr|en)(?=\/|$)/, "").replace(/\/index$/, "/");
  return `/${to}${rest === "" ? "/" : rest}`;
}

/** `pages`: the menu entries of the edition being built (see edition.ts). */
export function renderHeader(path: string, countries: CountryNames[], pages: readonly (typeof PAGES)[number][] = PAGES): string {
  const lang = pathLang(path);
  const other: Lang = otherLang(lang);
  const page = path.replace(/^\/(fr|en)\/?/, "").replace(/(^|\/)index$/, "");
  const links = pages.map(({ slug, key }) => {
    const current = page === slug ? ' aria-current="page"' : "";
    return `<li><a href="/${lang}/${slug}"${current}>${escapeHtml(t(lang, key))}</a></li>`;
  }).join("");
  const sorted = [...countries].sort((a, b) => countryName(lang, a).localeCompare(countryName(lang, b), lang));
  const countryLinks = sorted
    .map((c) => {
      const current = page === `pays/${c.country_code}` ? ' aria-current="page"' : "";
      return `<li><a href="/${lang}/pays/${encodeURIComponent(c.country_code)}"${current}>${escapeHtml(countryName(lang, c))}</a></li>`;
    })
    .join("");
  // The skip link is the first thing a keyboard reaches. On a phone the menu folds behind its
  // summary (a <details>, so it opens with no script); on a wide screen style.css shows it open.
  return `<a class="ie-skip" href="#observablehq-main">${escapeHtml(t(lang, "site.skip"))}</a>
<div class="ie-bar">
<a class="ie-brand" href="/${lang}/">${escapeHtml(t(lang, "site.title"))}</a>
<a class="ie-lang" href="${switchPath(path, other)}" hreflang="${other}" lang="${other}" title="${escapeHtml(t(lang, "site.switchLabel"))}">${escapeHtml(t(lang, "site.switch"))}</a>
</div>
<details class="ie-menu"><summary>${escapeHtml(t(lang, "site.menu"))}</summary>
<nav class="ie-nav" aria-label="${escapeHtml(t(lang, "site.nav"))}"><ul>${links}<li><details class="ie-countries"><summary>${escapeHtml(t(lang, "nav.countries"))}</summary><ul>${countryLinks}</ul></details></li></ul></nav>
</details>`;
}
