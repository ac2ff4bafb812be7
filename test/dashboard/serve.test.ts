import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "node:http";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../src/site/headers.ts";
import { acceptedEncodings, resolveRequest, serveDist } from "../../src/site/serve.ts";

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "imaginecole-serve-"));
  mkdirSync(join(dir, "fr", "pays"), { recursive: true });
  writeFileSync(join(dir, "index.html"), "<p>root</p>");
  writeFileSync(join(dir, "fr", "index.html"), "<p>fr</p>");
  writeFileSync(join(dir, "fr", "pays", "BF.html"), "<p>BF</p>");
  writeFileSync(join(dir, "secret.txt"), "not outside");
  mkdirSync(join(dir, "_observablehq"));
  writeFileSync(join(dir, "_observablehq", "client.5496f3dc.js"), "export const client = 1;");
  writeFileSync(join(dir, "_observablehq", "client.5496f3dc.js.gz"), gzipSync("export const client = 1;"));
  writeFileSync(join(dir, "fr", "pays", "BF.html.gz"), gzipSync("<p>BF</p>"));
  writeFileSync(join(dir, "fr", "pays", "BF.html.br"), brotliCompressSync("<p>BF</p>"));
});

/** A raw GET: fetch would uncompress the body and hide what was sent. */
function get(url: string, encoding: string): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { "accept-encoding": encoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (c: Buffer) => chunks.push(c));
      response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject).end();
  });
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("resolveRequest(dir, path)", () => {
  it("serves a clean URL from its .html file", () => {
    expect(resolveRequest(dir, "/fr/pays/BF")).toEqual({ file: join(dir, "fr", "pays", "BF.html") });
  });
  it("redirects a folder to its trailing slash, so relative links resolve inside it", () => {
    expect(resolveRequest(dir, "/fr")).toEqual({ redirect: "/fr/" });
    expect(resolveRequest(dir, "/fr/?x=1")).toEqual({ file: join(dir, "fr", "index.html") });
  });
  it("refuses paths that climb out of the site", () => {
    expect(resolveRequest(join(dir, "fr"), "/../secret.txt")).toBeNull();
    expect(resolveRequest(join(dir, "fr"), "/%2e%2e/secret.txt")).toBeNull();
  });
  it("follows no symbolic link out of the site, but serves a site that is itself a link (as publish makes it)", () => {
    const outside = mkdtempSync(join(tmpdir(), "imaginecole-serve-outside-"));
    try {
      writeFileSync(join(outside, "passwd"), "root:x:0:0");
      mkdirSync(join(outside, "folder"));
      writeFileSync(join(outside, "folder", "index.html"), "<p>outside</p>");
      symlinkSync(join(outside, "passwd"), join(dir, "fr", "leak.txt"));
      symlinkSync(join(outside, "folder"), join(dir, "fr", "elsewhere"));
      symlinkSync(join(dir, "fr", "index.html"), join(dir, "fr", "same.html"));
      expect(resolveRequest(dir, "/fr/leak.txt")).toBeNull();
      expect(resolveRequest(dir, "/fr/elsewhere/")).toBeNull();
      expect(resolveRequest(dir, "/fr/elsewhere")).toBeNull();
      expect(resolveRequest(dir, "/fr/same")).toEqual({ file: join(dir, "fr", "same.html") });
      symlinkSync(dir, join(outside, "live"));
      expect(resolveRequest(join(outside, "live"), "/fr/pays/BF")).toEqual({ file: join(outside, "live", "fr", "pays", "BF.html") });
    } finally {
      for (const link of ["leak.txt", "elsewhere", "same.html"]) rmSync(join(dir, "fr", link), { force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe("serveDist(dir)", () => {
  it("listens on 127.0.0.1 only and answers 404 for unknown pages", async () => {
    const { url, close } = await serveDist(dir);
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(await (await fetch(`${url}fr/pays/BF`)).text()).toBe("<p>BF</p>");
      expect((await fetch(`${url}fr/pays/ZZ`)).status).toBe(404);
    } finally {
      await close();
    }
  });
});

describe("serveDist compression and headers", () => {
  it("sends the precompressed copy the client accepts, brotli first, and the file itself otherwise", async () => {
    const { url, close } = await serveDist(dir);
    try {
      const br = await get(`${url}fr/pays/BF`, "gzip, deflate, br");
      expect(br.headers["content-encoding"]).toBe("br");
      expect(br.body.equals(readFileSync(join(dir, "fr", "pays", "BF.html.br")))).toBe(true);
      const gz = await get(`${url}fr/pays/BF`, "gzip");
      expect(gz.headers["content-encoding"]).toBe("gzip");
      expect(gz.headers.vary).toBe("Accept-Encoding");
      expect(gz.body.equals(readFileSync(join(dir, "fr", "pays", "BF.html.gz")))).toBe(true);
      const refused = await get(`${url}fr/pays/BF`, "gzip;q=0, br;q=0");
      expect(refused.headers["content-encoding"]).toBeUndefined();
      expect(refused.body.toString()).toBe("<p>BF</p>");
    } finally {
      await close();
    }
  });

  it("caches hashed assets for a year, pages for five minutes, and sends the security headers", async () => {
    const { url, close } = await serveDist(dir);
    try {
      const asset = await get(`${url}_observablehq/client.5496f3dc.js`, "gzip");
      expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(asset.headers["content-encoding"]).toBe("gzip");
      const page = await get(`${url}fr/`, "identity");
      expect(page.headers["cache-control"]).toBe("public, max-age=300");
      expect(page.headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
      expect(page.headers["x-content-type-options"]).toBe("nosniff");
      expect(page.headers["x-frame-options"]).toBe("DENY");
    } finally {
      await close();
    }
  });
});

describe("acceptedEncodings(header)", () => {
  it("reads names and leaves out those refused with q=0", () => {
    expect([...acceptedEncodings("gzip, deflate, br;q=0.5")]).toEqual(["gzip", "deflate", "br"]);
    expect([...acceptedEncodings("br;q=0, gzip;q=1.0")]).toEqual(["gzip"]);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });
});
