// The site is built in two editions from the same warehouse. `internal` is for the programme's
// staff and shows everything. `public` shows figures against targets and nothing else: no data
// quality, no rejected values, no file names, no free text typed in the sheets; bottleneck
// sentences only when the configuration allows them (site.public.bottlenecks).
//
// What an edition leaves out is left out twice: the data loaders never write it (the public
// edition's JSON files do not hold the fields at all), and the pages, menu entries and page
// sections that would show it are not built. A page section is marked in the page's Markdown:
//
//   <!-- only:staff -->            a section for the programme's staff
//   ## …
//   <!-- /only -->
//
// and a single line of code with a trailing `// only:bottlenecks` comment.
import { PAGES } from "./i18n.ts";

export const EDITIONS = ["internal", "public"] as const;
export type EditionName = (typeof EDITIONS)[number];

/** What an edition may show beyond figures and targets. */
export const FEATURES = ["staff", "bottlenecks"] as const;
export type Feature = (typeof FEATURES)[number];

export interface Edition {
  name: EditionName;
  /** Public edition only: whether the bottleneck page and sentences are published. */
  bottlenecks: boolean;
}

export const INTERNAL: Edition = { name: "internal", bottlenecks: true };

/** Whether the edition shows what the feature covers. The internal edition shows everything. */
export function shows(edition: Edition, feature: Feature): boolean {
  if (edition.name === "internal") return true;
  return feature === "bottlenecks" && edition.bottlenecks;
}

/** The feature a page needs; pages not listed are in every edition. */
const PAGE_FEATURES: Partial<Record<(typeof PAGES)[number]["slug"], Feature>> = {
  goulots: "bottlenecks",
  qualite: "staff",
  snapshots: "staff",
};

/** The menu pages the edition builds, in menu order. */
export function editionPages(edition: Edition): (typeof PAGES)[number][] {
  return PAGES.filter(({ slug }) => {
    const feature = PAGE_FEATURES[slug];
    return !feature || shows(edition, feature);
  });
}

export const EDITION_ENV = "IMAGINECOLE_EDITION";
export const PUBLIC_BOTTLENECKS_ENV = "IMAGINECOLE_PUBLIC_BOTTLENECKS";

/** How the site builder tells the Framework configuration and the data loaders which edition they build. */
export function editionEnv(edition: Edition): Record<string, string> {
  return { [EDITION_ENV]: edition.name, [PUBLIC_BOTTLENECKS_ENV]: edition.bottlenecks ? "true" : "false" };
}

/** The edition named in the environment; internal when none is named, an error for any other name. */
export function editionFromEnv(env: Record<string, string | undefined>): Edition {
  const name = env[EDITION_ENV] ?? "internal";
  if (name === "internal") return INTERNAL;
  if (name === "public") return { name, bottlenecks: env[PUBLIC_BOTTLENECKS_ENV] === "true" };
  throw new Error(`Édition inconnue / unknown edition: ${name} (${EDITIONS.join(", ")})`);
}

/** A data loader's guard: a file that belongs to an edition's missing feature is never written. */
export function requireFeature(edition: Edition, feature: Feature, file: string): void {
  if (!shows(edition, feature)) {
    throw new Error(
      `${file} n'appartient pas à l'édition ${edition.name}. / ${file} is not part of the ${edition.name} edition.`,
    );
  }
}

const SECTION = /<!--\s*only:([\w-]+)\s*-->[ \t]*\n?([\s\S]*?)<!--\s*\/only\s*-->[ \t]*\n?/g;
const LINE = /^.*\/\/\s*only:([\w-]+)\s*$/;

/** A page's Markdown with the sections and lines the edition does not show taken out. */
export function editionMarkdown(markdown: string, edition: Edition): string {
  const check = (feature: string): Feature => {
    if (!(FEATURES as readonly string[]).includes(feature)) {
      throw new Error(`Marque d'édition inconnue / unknown edition mark: only:${feature} (${FEATURES.join(", ")})`);
    }
    return feature as Feature;
  };
  const sections = markdown.replace(SECTION, (_, feature: string, body: string) => (shows(edition, check(feature)) ? body : ""));
  if (/<!--\s*\/?only\b/.test(sections)) {
    throw new Error("Marque d'édition sans fin / an edition mark is not closed: <!-- only:… --> needs <!-- /only -->");
  }
  return sections
    .split("\n")
    .filter((line) => {
      const mark = LINE.exec(line);
      return !mark || shows(edition, check(mark[1]!));
    })
    .join("\n");
}
