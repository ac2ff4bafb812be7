import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveRequest, serveDist } from "../../src/site/serve.ts";

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "imaginecole-serve-"));
  mkdirSync(join(dir, "fr", "pays"), { recursive: true });
  writeFileSync(join(dir, "index.html"), "<p>root</p>");
  writeFileSync(join(dir, "fr", "index.html"), "<p>fr</p>");
  writeFileSync(join(dir, "fr", "pays", "BF.html"), "<p>BF</p>");
  writeFileSync(join(dir, "secret.txt"), "not outside");
});

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
