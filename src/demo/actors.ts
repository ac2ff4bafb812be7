import { slug } from "./flavour.ts";
import { person, personalEmail } from "./people.ts";
import { rngFor } from "./random.ts";

export interface Actor {
  /** The xAPI Agent, already serialised: statements are assembled from JSON fragments. */
  json: string;
  /** The name and the e-mail or login, as written. */
  strings: string[];
  /** Identified by a platform account (home page gives the country), else by an e-mail. */
  hasAccount: boolean;
  written: boolean;
}

/**
 * A country's platform users, made on first use: the same index always gives the same person,
 * so each user keeps a name and address from month to month.
 */
export function actorPool(seed: number, country: string): (index: number) => Actor {
  const made = new Map<number, Actor>();
  return (index) => {
    let actor = made.get(index);
    if (actor) return actor;
    const rng = rngFor(seed, `user/${country}/${index}`);
    const who = person(rng, country);
    if (rng.chance(0.3)) {
      // A dot and a whole first name: a login can never be mistaken for part of a hex hash.
      const login = `${slug(who.first)}.${slug(who.last)}${index}`;
      const account = { homePage: `https://${country.toLowerCase()}.imaginecole.org`, name: login };
      actor = { json: JSON.stringify({ objectType: "Agent", name: who.name, account }), strings: [who.name, login], hasAccount: true, written: false };
    } else {
      const email = personalEmail(rng, who, index);
      const json = JSON.stringify({ objectType: "Agent", name: who.name, mbox: `mailto:${email}` });
      actor = { json, strings: [who.name, email], hasAccount: false, written: false };
    }
    made.set(index, actor);
    return actor;
  };
}
