// The two languages everything speaks. French first: it is the default wherever nothing says otherwise.

export const LANGS = ["fr", "en"] as const;
export type Lang = (typeof LANGS)[number];

/** A language from untrusted input (a path, a query, an option): English only when it says so. */
export function asLang(value: unknown): Lang {
  return value === "en" ? "en" : "fr";
}

/** The other language, for a switch between the two. */
export function otherLang(lang: Lang): Lang {
  return lang === "fr" ? "en" : "fr";
}

/** The value for `lang` out of a pair of any kind: words, formats, locales. */
export function pick<T>(lang: Lang, pair: { readonly fr: T; readonly en: T }): T {
  return lang === "fr" ? pair.fr : pair.en;
}

/** --lang, else IMAGINECOLE_LANG, else the locale; French unless the locale says English. */
export function resolveLang(explicit: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang {
  const value = explicit ?? env.IMAGINECOLE_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? "fr";
  return /^en/i.test(value) ? "en" : "fr";
}
