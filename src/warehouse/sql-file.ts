import { readFileSync } from "node:fs";

const cache = new Map<string, string>();

/** Reads a .sql file that sits next to the module asking for it (`sqlFile(import.meta.url, "x.sql")`). */
export function sqlFile(moduleUrl: string, name: string): string {
  const url = new URL(name, moduleUrl).href;
  let text = cache.get(url);
  if (text === undefined) {
    text = readFileSync(new URL(url), "utf8");
    cache.set(url, text);
  }
  return text;
}
