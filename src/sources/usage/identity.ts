/**
 * An actor's identifier as it is keyed, from the one sql/macros.sql builds (`mbox:…`,
 * `mbox_sha1sum:…`, `openid:…`, `account:<homePage>|<name>`, `group:["…", …]`, `moodle:…`).
 *
 * The keyer lower-cases what it hashes, which suits e-mails, hashes, OpenIDs and home pages but
 * not account names: xAPI compares those exactly, so `AbC-12` and `abc-12` on one home page are two
 * people. Letters that lower-casing would change are therefore written as `^<code point>;` (and
 * `^` itself too) before keying; an identifier without capitals or `^` is keyed as it always was.
 * An anonymous Group is its members, in any order. Pure.
 */
export function canonicalIdent(ident: string): string {
  if (ident.startsWith("group:")) {
    const members = JSON.parse(ident.slice("group:".length)) as (string | null)[];
    const canonical = members.filter((m): m is string => m !== null).map(canonicalIdent);
    return `group:${[...new Set(canonical)].sort().join(" ")}`;
  }
  if (ident.startsWith("account:")) {
    // A home page is an IRL, which holds no '|': the first one ends it.
    const bar = ident.indexOf("|");
    if (bar >= 0) return ident.slice(0, bar + 1).toLowerCase() + caseSafe(ident.slice(bar + 1));
  }
  return ident.toLowerCase();
}

/** Text whose lower-cased form still tells every letter's case. Pure. */
export function caseSafe(text: string): string {
  let out = "";
  for (const ch of text) {
    out += ch === "^" || ch.toLowerCase() !== ch ? `^${ch.codePointAt(0)!.toString(16)};` : ch;
  }
  return out;
}
