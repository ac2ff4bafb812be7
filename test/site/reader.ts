// A reader downloading pages over and over while the site is published: each page, then the
// scripts it names beside it, then the data files those scripts name, as a browser would.

export interface Reading {
  path: string;
  /** The build stamp of the page (`<meta name="imaginecole-build">`). */
  stamp: string;
  /** Any request of this page, its scripts or its data that did not answer 200. */
  failures: string[];
  /** The data files' contents. */
  data: string[];
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function readPage(base: string, path: string, delayMs = 0): Promise<Reading> {
  const failures: string[] = [];
  const data: string[] = [];
  const get = async (url: URL): Promise<string> => {
    const response = await fetch(url);
    if (response.status !== 200) failures.push(`${response.status} ${url.pathname}`);
    return response.text();
  };
  const pageUrl = new URL(path, base);
  const html = await get(pageUrl);
  const stamp = /<meta name="imaginecole-build" content="([^"]*)"/.exec(html)?.[1] ?? "";
  // A slow link: the page arrives, its scripts are asked for a moment later.
  await pause(delayMs);
  for (const [, src] of html.matchAll(/<script type="module" src="([^"]+)"/g)) {
    const code = await get(new URL(src!, pageUrl));
    for (const [, file] of code.matchAll(/"path":"([^"]+\.json)"/g)) data.push(await get(new URL(file!, pageUrl)));
  }
  return { path, stamp, failures, data };
}

/** Reads the pages in turn until stopped; returns every reading. */
export function startReader(base: string, paths: string[], delayMs = 0): { stop: () => Promise<Reading[]>; readings: Reading[] } {
  const readings: Reading[] = [];
  let running = true;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      readings.push(await readPage(base, paths[i % paths.length]!, delayMs));
      await pause(5);
    }
  })();
  return {
    readings,
    stop: async () => {
      running = false;
      await loop;
      return readings;
    },
  };
}
