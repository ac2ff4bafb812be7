// One shape for every sentence a person reads: the French and the English side by side. A value of
// this type is built where the words are chosen and turned into text only where it is shown.
import { LANGS, pick, type Lang } from "./lang.ts";

export interface Bilingual {
  readonly fr: string;
  readonly en: string;
}

/** The sentence in a language, or in the run's language: `say(ctx, { fr: "…", en: "…" })`. */
export function say(to: Lang | { readonly lang: Lang }, message: Bilingual): string {
  return pick(typeof to === "string" ? to : to.lang, message);
}

/** Both sentences from one recipe, when only formats or labels differ: `inBoth((lang) => formatDate(lang, d))`. */
export function inBoth(write: (lang: Lang) => string): Bilingual {
  return { fr: write("fr"), en: write("en") };
}

/** The same text in both languages: a file name, a code, a number already written for both. */
export function same(text: string): Bilingual {
  return { fr: text, en: text };
}

/** Messages one after the other, each language with its own separator (French puts a space before `:`). */
export function joinBoth(parts: readonly Bilingual[], separator: Bilingual | string = " "): Bilingual {
  const sep = typeof separator === "string" ? same(separator) : separator;
  return inBoth((lang) => parts.map((p) => p[lang]).join(sep[lang]));
}

/** Fills `{name}` placeholders; an unknown name stays visible rather than vanishing. */
export function fill(text: string, vars: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Whether a value read from JSON or a thrown object is a message of this shape. */
export function isBilingual(value: unknown): value is Bilingual {
  return typeof value === "object" && value !== null && LANGS.every((l) => typeof (value as Record<string, unknown>)[l] === "string");
}
