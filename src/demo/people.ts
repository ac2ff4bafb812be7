import { FIRST_NAMES, lastNames, MAIL_DOMAINS, slug } from "./flavour.ts";
import type { Rng } from "./random.ts";

export type Sex = "F" | "H";

export interface Person {
  first: string;
  last: string;
  sex: Sex;
  /** "Aminata Diallo": what the inputs carry and the warehouse must never hold. */
  name: string;
}

export function person(rng: Rng, country: string, femaleShare = 0.45): Person {
  const sex: Sex = rng.chance(femaleShare) ? "F" : "H";
  const first = rng.pick(FIRST_NAMES[sex]);
  const last = rng.pick(lastNames(country));
  return { first, last, sex, name: `${first} ${last}` };
}

/** A personal address; `n` keeps addresses of namesakes apart. */
export function personalEmail(rng: Rng, who: Person, n: number): string {
  const first = slug(who.first);
  const last = slug(who.last);
  const local = rng.chance(0.6) ? `${first}.${last}${n}` : `${first.slice(0, 1)}${last}${n}`;
  return `${local}@${rng.pick(MAIL_DOMAINS)}`;
}

/** The address a ministry gives its staff. */
export function workEmail(who: Person, country: string, n: number): string {
  return `${slug(who.first)}.${slug(who.last)}${n}@education.gouv.${country.toLowerCase()}`;
}
