// How the quality page words places and advice for a country team. Pure.

/**
 * A file's place from its source's folder: `GN/ImaginEcole Guinée.xlsx!Sessions` for a download
 * kept in a country folder, the file name otherwise; a spreadsheet read through the API is its id.
 */
export function shownLocation(location: string): string {
  if (!location.includes("/")) return location;
  const inCountry = /^.*\/((?:[A-Z]{2}|regional)\/[^/]+)$/.exec(location);
  return inCountry ? inCountry[1]! : location.slice(location.lastIndexOf("/") + 1);
}

/** Advice that names a command (`--country XX`, `imaginecole …`) is for the data team, not the country's. */
export function forTeam(reason: string, lang: "fr" | "en"): string {
  if (!/(^|[\s(])--[a-z]|imaginecole\s/i.test(reason)) return reason;
  const marker = lang === "fr" ? " À faire : " : " To do: ";
  const at = reason.indexOf(marker);
  const problem = (at < 0 ? reason.split(/(?<=\.)\s/)[0] ?? reason : reason.slice(0, at)).replace(/\s*\([^)]*--[a-z][^)]*\)/gi, "");
  return lang === "fr"
    ? `${problem} À faire : rien de votre côté, l'équipe régionale des données s'en charge.`
    : `${problem} To do: nothing on your side, the regional data team handles it.`;
}
