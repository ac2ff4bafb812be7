import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { precompress } from "../../src/site/compress.ts";
import { cacheControl } from "../../src/site/headers.ts";
import { allowZoom, externalizeScripts, pageLang, setLang } from "../../src/site/html.ts";

const PAGE = `<!DOCTYPE html>
<html>
<head>
<script type="module">
import {define} from "../_observablehq/client.5496f3dc.js";
define({id: "a"});
</script>
<script type="module" src="../_observablehq/runtime.js"></script>
<script type="application/json">{"keep": true}</script>
</head>
<body><script>console.log(1)</script></body>
</html>`;

describe("externalizeScripts(html, page)", () => {
  it("moves each inline script into a file beside the page, named by its content's hash", () => {
    const { html, scripts } = externalizeScripts(PAGE, "BF.html");
    expect(scripts.map((s) => s.name)).toEqual([expect.stringMatching(/^BF\.[0-9a-f]{8}\.js$/), expect.stringMatching(/^BF\.[0-9a-f]{8}\.js$/)]);
    expect(scripts[0]!.content).toContain('import {define} from "../_observablehq/client.5496f3dc.js"');
    expect(html).toContain(`<script type="module" src="./${scripts[0]!.name}"></script>`);
    expect(html).toContain(`<script src="./${scripts[1]!.name}"></script>`);
    expect(html).not.toContain("define({id");
    // Scripts already in files and data blocks stay as they were.
    expect(html).toContain('<script type="module" src="../_observablehq/runtime.js"></script>');
    expect(html).toContain('<script type="application/json">{"keep": true}</script>');
    expect(externalizeScripts(PAGE, "BF.html")).toEqual({ html, scripts });
    expect(cacheControl(`/fr/pays/${scripts[0]!.name}`)).toContain("immutable");
  });

  it("sets the page's language from its folder", () => {
    expect(pageLang("en/pays/BF.html")).toBe("en");
    expect(pageLang("fr/index.html")).toBe("fr");
    expect(pageLang("index.html")).toBe("fr");
    expect(setLang(PAGE, "en")).toContain('<html lang="en">');
    expect(setLang('<html lang="fr">', "en")).toBe('<html lang="fr">');
  });
});

describe("precompress(dir)", () => {
  it("writes .gz and .br copies of text files that uncompress to the file, and none for small or binary files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "imaginecole-compress-"));
    mkdirSync(join(dir, "_file"));
    const text = "const x = 1;\n".repeat(200);
    writeFileSync(join(dir, "_file", "app.js"), text);
    writeFileSync(join(dir, "small.html"), "<p>hi</p>");
    writeFileSync(join(dir, "chart.png"), Buffer.alloc(4096, 7));
    expect(await precompress(dir)).toBe(1);
    expect(gunzipSync(readFileSync(join(dir, "_file", "app.js.gz"))).toString()).toBe(text);
    expect(brotliDecompressSync(readFileSync(join(dir, "_file", "app.js.br"))).toString()).toBe(text);
    expect(() => readFileSync(join(dir, "small.html.gz"))).toThrow();
    expect(() => readFileSync(join(dir, "chart.png.gz"))).toThrow();
  });
});

describe("precompress(dir, kept)", () => {
  const site = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), "imaginecole-compress-"));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  };
  const library = "export const y = 2;\n".repeat(300);

  it("keeps the copies of a file named by its content, and the next build takes them instead of compressing again", async () => {
    const kept = mkdtempSync(join(tmpdir(), "imaginecole-kept-"));
    await precompress(site({ "_node/lib.0a2abf0d.js": library, "fr/index.html": "<p>page</p>".repeat(100) }), kept);
    const names = readdirSync(kept).sort();
    expect(names.map((n) => extname(n))).toEqual([".br", ".gz"]);
    // What the next build sends is what was kept: here a copy of other words, to tell them apart.
    const other = "kept copy\n".repeat(50);
    writeFileSync(join(kept, names[0]!), brotliCompressSync(other));
    const next = site({ "_node/lib.0a2abf0d.js": library });
    await precompress(next, kept);
    expect(brotliDecompressSync(readFileSync(join(next, "_node/lib.0a2abf0d.js.br"))).toString()).toBe(other);
    expect(gunzipSync(readFileSync(join(next, "_node/lib.0a2abf0d.js.gz"))).toString()).toBe(library);
  });

  it("writes the site's copies when the kept folder cannot be written", async () => {
    // A file where the folder should be: nothing can be kept or read there.
    const kept = join(mkdtempSync(join(tmpdir(), "imaginecole-kept-")), "compressed");
    writeFileSync(kept, "not a folder");
    const dir = site({ "_node/lib.0a2abf0d.js": library });
    expect(await precompress(dir, kept)).toBe(1);
    expect(gunzipSync(readFileSync(join(dir, "_node/lib.0a2abf0d.js.gz"))).toString()).toBe(library);
    expect(brotliDecompressSync(readFileSync(join(dir, "_node/lib.0a2abf0d.js.br"))).toString()).toBe(library);
    expect(readdirSync(dirname(kept))).toEqual(["compressed"]);
  });

  it("forgets kept copies no build has used for two weeks", async () => {
    const kept = mkdtempSync(join(tmpdir(), "imaginecole-kept-"));
    await precompress(site({ "_node/old.11111111.js": library }), kept);
    const old = new Date(Date.now() - 15 * 86_400_000);
    for (const name of readdirSync(kept)) utimesSync(join(kept, name), old, old);
    await precompress(site({ "_node/new.22222222.js": `${library}// new\n` }), kept);
    expect(readdirSync(kept)).toHaveLength(2);
    expect(readdirSync(kept).every((name) => statSync(join(kept, name)).mtimeMs > old.getTime())).toBe(true);
  });
});

describe("allowZoom(html)", () => {
  it("takes maximum-scale out of Framework's viewport, so a phone reader can pinch to zoom", () => {
    const html = '<head><meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1"></head>';
    expect(allowZoom(html)).toBe('<head><meta name="viewport" content="width=device-width, initial-scale=1"></head>');
    expect(allowZoom(allowZoom(html))).toBe(allowZoom(html));
  });
});
