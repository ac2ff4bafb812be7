// Observable Framework configuration. Every page exists once, under dashboards/[lang]/, and is
// generated for each language and, for the country page, for each country of the reference CSV:
// a new row in that file gives a new page with no code change.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseCountries } from "./src/sources/reference/countries.ts";
import { escapeHtml, renderHeader, pathLang } from "./dashboards/components/header.ts";
import { formatDate, label, LANGS } from "imaginecole/core";
import { t } from "./dashboards/components/i18n.ts";
import { editionFromEnv, editionPages } from "./dashboards/components/edition.ts";

const COUNTRIES_CSV = process.env.IMAGINECOLE_COUNTRIES ?? "pipelines/reference/countries.csv";
const countries = parseCountries(readFileSync(COUNTRIES_CSV, "utf8")).filter((c) => /^[A-Z]{2}$/.test(c.country_code));
// src/site/build.ts names the edition (internal or public) and stamps the build; pages of another
// edition are neither built nor in the menu.
const edition = editionFromEnv(process.env);
const pages = editionPages(edition);
const stamp = process.env.IMAGINECOLE_BUILD_STAMP ?? "";

export default {
  // src/site/build.ts builds from a private copy of dashboards/.
  root: process.env.IMAGINECOLE_DASHBOARD_ROOT ?? "dashboards",
  output: process.env.IMAGINECOLE_DASHBOARD_OUT ?? "dist",
  title: "ImaginEcole",
  // No Google Fonts, no search index, no sidebar: the header below is the menu, in the page's language.
  globalStylesheets: [],
  style: "style.css",
  sidebar: false,
  search: false,
  pager: false,
  toc: false,
  // The page's language is set on <html> by src/site/build.ts: no inline script, which the
  // site's Content-Security-Policy would refuse.
  head: () =>
    `<meta name="imaginecole-edition" content="${edition.name}">
<meta name="imaginecole-build" content="${escapeHtml(stamp)}">
<link rel="icon" href="data:,">`,
  header: ({ path }: { path: string }) => renderHeader(path, countries, pages),
  footer: ({ path }: { path: string }) => {
    const lang = pathLang(path);
    // On paper only: when this version of the site was built (the stamp src/site/build.ts gives it).
    const built = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})/.exec(stamp);
    const printed = built
      ? `<p class="ie-print-stamp">${escapeHtml(t(lang, "site.printStamp", { day: formatDate(lang, `${built[1]}-${built[2]}-${built[3]}`), time: `${built[4]}:${built[5]}` }))}</p>`
      : "";
    return `<p>${escapeHtml(t(lang, "site.footer", { approved: label(lang, "approval", "approved") }))}</p>${printed}`;
  },
  // Loaders are TypeScript run by the project's own tsx, whatever the caller's PATH.
  interpreters: { ".ts": [resolve("node_modules/.bin/tsx")] },
  dynamicPaths: LANGS.flatMap((lang) => [
    ...pages.map(({ slug }) => `/${lang}/${slug}`),
    ...countries.map((c) => `/${lang}/pays/${c.country_code}`),
  ]),
};
