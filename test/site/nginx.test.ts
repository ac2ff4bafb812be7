// deploy/nginx.conf in front of both editions of the demo site, run as the programme's IT focal
// point would: Debian's nginx on 127.0.0.1, a certificate made for the test, an htpasswd file.
// The demo is generated, run through the pipelines, and each edition built once with the real
// command line (`imaginecole build --edition …`).
import { DuckDBInstance } from "@duckdb/node-api";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../src/export/chromium.ts";
import { filesUnder } from "../../src/site/compress.ts";
import { cacheControl, CONTENT_SECURITY_POLICY } from "../../src/site/headers.ts";
import { cliAsync, demoConfig, ROOT, tempDir } from "../support/cli.ts";
import { copyOfSharedWarehouse, sharedDemo } from "../support/shared-demo.ts";
import { freePort, stopProcess, waitForPort } from "./helpers.ts";

const PUBLIC_HOST = "imaginecole.test";
const INTERNAL_HOST = "interne.imaginecole.test";
const USER = "coordination";
const PASSWORD = "mot de passe du test";
/** Both sites' names lead to nginx on this machine. */
const RESOLVE_HOSTS = `--host-resolver-rules=MAP ${PUBLIC_HOST} 127.0.0.1, MAP ${INTERNAL_HOST} 127.0.0.1`;

let work: string;
let db: string;
let sites: { public: string; internal: string };
let ports: { http: number; https: number };
let certificate: Buffer;
let nginx: ChildProcess;
let browser: Browser | undefined;

beforeAll(async () => {
  work = tempDir("imaginecole-nginx-");
  // The suite's shared demo run (test/support/shared-demo.ts), on a copy of its warehouse.
  const demo = await sharedDemo();
  const config = demoConfig(work, demo.inputs);
  db = await copyOfSharedWarehouse(join(work, "warehouse.duckdb"));
  if (demo.run.code !== 0 && demo.run.code !== 3) throw new Error(`demo run failed (${demo.run.code}):\n${demo.run.stderr.slice(-3000)}`);
  sites = { public: join(work, "www", "public"), internal: join(work, "www", "internal") };
  // Both editions at once: each build mostly waits for its own Framework process.
  await Promise.all(
    (["public", "internal"] as const).map(async (edition) => {
      const build = await cliAsync(["build", "--edition", edition, "--out", sites[edition], "--config", config, "--db", db]);
      if (build.code !== 0) throw new Error(`${edition} build failed (${build.code}):\n${build.stderr.slice(-3000)}`);
    }),
  );

  const prefix = join(work, "nginx");
  mkdirSync(join(prefix, "tmp"), { recursive: true });
  openssl([
    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", `/CN=${PUBLIC_HOST}`,
    "-addext", `subjectAltName=DNS:${PUBLIC_HOST},DNS:${INTERNAL_HOST}`,
    "-keyout", join(prefix, "key.pem"), "-out", join(prefix, "cert.pem"),
  ]);
  certificate = readFileSync(join(prefix, "cert.pem"));
  const hash = openssl(["passwd", "-apr1", PASSWORD]).trim();
  writeFileSync(join(prefix, "htpasswd"), `${USER}:${hash}\n`);

  ports = { http: await freePort(), https: await freePort() };
  writeFileSync(join(prefix, "imaginecole.conf"), fillIn(readFileSync(join(ROOT, "deploy", "nginx.conf"), "utf8"), {
    "@PUBLIC_HOST@": PUBLIC_HOST,
    "@INTERNAL_HOST@": INTERNAL_HOST,
    "@PUBLIC_ROOT@": sites.public,
    "@INTERNAL_ROOT@": sites.internal,
    "@CERTIFICATE@": join(prefix, "cert.pem"),
    "@CERTIFICATE_KEY@": join(prefix, "key.pem"),
    "@HTPASSWD@": join(prefix, "htpasswd"),
    "listen 80;": `listen 127.0.0.1:${ports.http};`,
    "listen 443 ssl http2;": `listen 127.0.0.1:${ports.https} ssl http2;`,
  }));
  // What Debian's /etc/nginx/nginx.conf gives a site file, with every path inside the test's folder.
  writeFileSync(join(prefix, "nginx.conf"), `worker_processes 1;
error_log ${prefix}/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${prefix}/access.log;
  client_body_temp_path ${prefix}/tmp/body;
  proxy_temp_path ${prefix}/tmp/proxy;
  fastcgi_temp_path ${prefix}/tmp/fastcgi;
  uwsgi_temp_path ${prefix}/tmp/uwsgi;
  scgi_temp_path ${prefix}/tmp/scgi;
  include ${prefix}/imaginecole.conf;
}
`);
  // Started as root, nginx's workers run as nobody: they must be able to read the sites.
  spawnSync("chmod", ["-R", "a+rX", work]);
  chmodSync(join(prefix, "key.pem"), 0o600);
  const args = ["-p", prefix, "-c", join(prefix, "nginx.conf"), "-g", `daemon off; pid ${prefix}/nginx.pid;`];
  const check = spawnSync("/usr/sbin/nginx", [...args, "-t"], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx -t refused the configuration:\n${check.stderr}`);
  nginx = spawn("/usr/sbin/nginx", args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  nginx.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  await waitForPort(ports.https, nginx, () => stderr);
  await waitForPort(ports.http, nginx, () => stderr);
}, 900_000);

afterAll(async () => {
  await browser?.close();
  if (nginx) await stopProcess(nginx);
  if (work) spawnSync("rm", ["-rf", work]);
});

function openssl(args: string[]): string {
  const r = spawnSync("openssl", args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr}`);
  return r.stdout;
}

/** The file with each placeholder or line replaced; a text that is not in the file is an error. */
function fillIn(text: string, values: Record<string, string>): string {
  let out = text;
  for (const [from, to] of Object.entries(values)) {
    if (!out.includes(from)) throw new Error(`deploy/nginx.conf has no "${from}"`);
    out = out.replaceAll(from, to);
  }
  // IPv6 may be missing where the test runs; the test listens on 127.0.0.1 only.
  return out.replace(/^\s*listen \[::\].*\n/gm, "");
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function get(host: string, path: string, o: { user?: string; password?: string; encoding?: string; plain?: boolean } = {}): Promise<Answer> {
  const headers: Record<string, string> = { host, "accept-encoding": o.encoding ?? "identity" };
  if (o.user) headers.authorization = `Basic ${Buffer.from(`${o.user}:${o.password ?? ""}`).toString("base64")}`;
  return new Promise((resolve, reject) => {
    const done = (response: import("node:http").IncomingMessage) => {
      const chunks: Buffer[] = [];
      response.on("data", (c: Buffer) => chunks.push(c));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    };
    const request = o.plain
      ? httpRequest({ host: "127.0.0.1", port: ports.http, path, headers, agent: false }, done)
      : httpsRequest({ host: "127.0.0.1", port: ports.https, path, headers, servername: host, ca: certificate, agent: false }, done);
    request.on("error", reject);
    request.end();
  });
}

const publicPage = (path: string, o: { encoding?: string } = {}) => get(PUBLIC_HOST, path, o);
const internalPage = (path: string, o: { encoding?: string } = {}) =>
  get(INTERNAL_HOST, path, { ...o, user: USER, password: PASSWORD });

describe("the public edition", () => {
  it("is served to anyone, with no credentials", async () => {
    const page = await publicPage("/fr/");
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('<meta name="imaginecole-edition" content="public">');
    expect((await publicPage("/en/pays/SN")).status).toBe(200);
    expect((await publicPage("/fr/formation")).status).toBe(200);
  });

  it("has no data-quality, snapshot or bottleneck page, and no menu entry for them", async () => {
    for (const path of ["/fr/qualite", "/en/qualite", "/fr/snapshots", "/fr/goulots", "/downloads/snapshots/"]) {
      expect((await publicPage(path)).status, path).toBe(404);
    }
    const menu = /<nav class="ie-nav"[\s\S]*?<\/nav>/.exec((await publicPage("/fr/")).body.toString())?.[0] ?? "";
    expect(menu).toContain("./formation");
    expect(menu).not.toMatch(/qualite|snapshots|goulots/);
  });
});

describe("the internal edition", () => {
  it("answers 401 without credentials or with a wrong password, 200 with them", async () => {
    const anonymous = await get(INTERNAL_HOST, "/fr/");
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers["www-authenticate"]).toMatch(/^Basic realm=/);
    expect((await get(INTERNAL_HOST, "/fr/", { user: USER, password: "wrong" })).status).toBe(401);
    const signedIn = await internalPage("/fr/");
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.toString()).toContain('<meta name="imaginecole-edition" content="internal">');
    expect((await internalPage("/fr/qualite")).status).toBe(200);
    expect((await internalPage("/en/goulots")).status).toBe(200);
  });
});

/** The page's script (beside it), a Framework module and one of its data files, as URL paths. */
async function assetsOf(path: string): Promise<string[]> {
  const html = (await publicPage(path)).body.toString();
  const folder = path.replace(/[^/]*$/, "");
  const script = /<script type="module" src="\.\/([^"]+)"/.exec(html)?.[1];
  const client = /href="(?:\.\.\/)+(_observablehq\/client\.[0-9a-f]+\.js)"/.exec(html)?.[1];
  expect(script && client, html.slice(0, 2000)).toBeTruthy();
  const code = (await publicPage(`${folder}${script}`)).body.toString();
  const data = /"path":"(?:\.\.\/)+(_file\/data\/[^"]+\.json)"/.exec(code)?.[1];
  expect(data, code.slice(0, 2000)).toBeTruthy();
  return [`${folder}${script}`, `/${client}`, `/${data}`];
}

describe("compression", () => {
  it("sends pages, scripts and data as the build's own .gz files", async () => {
    const paths = [["/fr/", "fr/index.html"], ["/fr/pays/BF", "fr/pays/BF.html"]] as [string, string][];
    for (const asset of await assetsOf("/fr/pays/BF")) paths.push([asset, asset.slice(1)]);
    for (const [path, file] of paths) {
      const answer = await publicPage(path, { encoding: "gzip, deflate, br" });
      expect(answer.status, path).toBe(200);
      expect(answer.headers["content-encoding"], path).toBe("gzip");
      expect(answer.headers.vary, path).toMatch(/Accept-Encoding/i);
      // Byte for byte the precompressed copy: nginx compressed nothing itself.
      expect(answer.body.equals(readFileSync(join(sites.public, `${file}.gz`))), path).toBe(true);
      expect(gunzipSync(answer.body).equals(readFileSync(join(sites.public, file))), path).toBe(true);
    }
  });

  it("sends the internal edition compressed as well", async () => {
    const answer = await internalPage("/fr/qualite", { encoding: "gzip" });
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(answer.body.equals(readFileSync(join(sites.internal, "fr", "qualite.html.gz")))).toBe(true);
  });
});

describe("headers", () => {
  it("carry the security policy on pages, assets and refusals of both editions", async () => {
    const [script] = await assetsOf("/fr/");
    const answers = [
      await publicPage("/fr/"), await publicPage(script!), await publicPage("/fr/nowhere"),
      await get(INTERNAL_HOST, "/fr/"), await internalPage("/fr/qualite"),
    ];
    for (const answer of answers) {
      expect(answer.headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers["x-frame-options"]).toBe("DENY");
      expect(answer.headers["referrer-policy"]).toBe("same-origin");
      expect(answer.headers["strict-transport-security"]).toMatch(/^max-age=\d{7,}/);
    }
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
  });

  it("cache hashed files for a year and pages and data for five minutes, as `serve` does", async () => {
    for (const path of ["/fr/", "/fr/pays/ML", ...(await assetsOf("/fr/adoption"))]) {
      const answer = await publicPage(path);
      expect(answer.headers["cache-control"], path).toBe(cacheControl(path));
    }
    expect(cacheControl("/fr/")).toBe("public, max-age=300");
    expect(cacheControl("/_observablehq/client.5496f3dc.js")).toBe("public, max-age=31536000, immutable");
    expect((await internalPage("/fr/qualite")).headers["cache-control"]).toBe("private, max-age=300");
  });

  it("send plain HTTP to HTTPS, and a folder to its trailing slash", async () => {
    const plain = await get(PUBLIC_HOST, "/fr/pays/BF", { plain: true });
    expect(plain.status).toBe(301);
    expect(plain.headers.location).toBe(`https://${PUBLIC_HOST}/fr/pays/BF`);
    const folder = await publicPage("/fr");
    expect(folder.status).toBe(301);
    expect(folder.headers.location).toBe("/fr/");
  });
});

describe("what the public edition holds", () => {
  it("has no rejected value, file name or free text of the demo in any page or data file", async () => {
    const { comments, ...secrets } = await privateText(db);
    const publicText = siteText(sites.public);
    const internalText = siteText(sites.internal);
    // Private free text (the Activités tab's Commentaire) is in neither edition.
    expect(comments!.length).toBeGreaterThan(0);
    for (const value of comments!) expect(contains(internalText, value) || contains(publicText, value), `comment: ${value}`).toBe(false);
    for (const [kind, values] of Object.entries(secrets)) {
      expect(values.length, kind).toBeGreaterThan(0);
      // The internal edition shows some of them, so the search below can find what it looks for.
      expect(values.some((v) => contains(internalText, v)), `${kind} in the internal edition`).toBe(true);
      for (const value of values) expect(contains(publicText, value), `${kind}: ${value}`).toBe(false);
    }
  });

  it("ships data files without the staff's fields at all", () => {
    const data = filesUnder(sites.public).filter((f) => /^_file\/data\/.*\.json$/.test(f));
    expect(data.length).toBeGreaterThan(10);
    for (const file of data) {
      const text = readFileSync(join(sites.public, file), "utf8");
      expect(text, file).not.toMatch(/"(rejects|rejectsTotal|loads|activities|waiting|location|title|message_fr|high)"\s*:/);
    }
    expect(data.some((f) => /quality|bottlenecks|snapshots/.test(f))).toBe(false);
  });
});

describe("in Chromium, through nginx", () => {
  it("draws every kind of public page, and internal pages with a password, under the security policy", async () => {
    browser = await launchChromium({ args: [RESOLVE_HOSTS] });
    const visits = [
      ...["fr/", "en/", "fr/pays/SN", "en/pays/TD", "fr/formation", "en/ressources", "fr/adoption"].map((p) => ({ host: PUBLIC_HOST, path: p })),
      ...["fr/qualite", "en/goulots", "fr/pays/BF"].map((p) => ({ host: INTERNAL_HOST, path: p })),
    ];
    const draw = async ({ host, path }: { host: string; path: string }) => {
      const context = await browser!.newContext({
        ignoreHTTPSErrors: true,
        ...(host === INTERNAL_HOST ? { httpCredentials: { username: USER, password: PASSWORD } } : {}),
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`https://${host}:${ports.https}/${path}`, { waitUntil: "networkidle" });
      await page.waitForFunction(() => !document.querySelector("main .observablehq--loading"));
      expect(errors, `${host}/${path}: ${errors.join("\n")}`).toEqual([]);
      expect(await page.locator("main svg").count(), `${host}/${path}`).toBeGreaterThan(0);
      // The policy is enforced: a script written into the page is refused.
      await page.evaluate(() => {
        const script = document.createElement("script");
        script.textContent = "window.__injected = 1";
        document.body.append(script);
      });
      expect(await page.evaluate(() => (window as { __injected?: number }).__injected), `${host}/${path}`).toBeUndefined();
      await context.close();
    };
    // Three pages at a time, each in a context of its own: most of a visit is waiting for the
    // network to fall idle.
    const queue = [...visits];
    await Promise.all(Array.from({ length: 3 }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await draw(next);
    }));
    // Ten pages over TLS.
  }, 180_000);
});

/** What the demo's warehouse holds that only the staff may read. */
async function privateText(path: string): Promise<Record<string, string[]>> {
  const instance = await DuckDBInstance.create(path, { access_mode: "READ_ONLY" });
  const conn = await instance.connect();
  const column = async (sql: string) =>
    ((await conn.runAndReadAll(sql)).getRowObjectsJS() as { v: string }[]).map((r) => r.v).filter((v) => v && v.length >= 5);
  try {
    const locations = await column("SELECT location AS v FROM ops.loads UNION SELECT location FROM ops.rejects");
    return {
      "rejected values": await column("SELECT DISTINCT value AS v FROM ops.rejects"),
      // `data/demo/sheets/BF/ImaginEcole Burkina Faso.xlsx!Formateurs` → `ImaginEcole Burkina Faso.xlsx`;
      // a reject's place in a sheet (`Formateurs!F10`) names a tab, not a file.
      "file names": [...new Set(locations.map((l) => l.replace(/(:\d+|![^/]*)$/, "").split("/").pop()!))]
        .filter((f) => /\.[a-z0-9]{2,7}$/i.test(f)),
      "comments": await column("SELECT DISTINCT comment AS v FROM core.activities"),
      "activities": await column("SELECT DISTINCT activity AS v FROM core.activities"),
      "resource titles": await column("SELECT DISTINCT title AS v FROM core.resources"),
    };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** Every file of a site as text, the precompressed copies uncompressed. */
function siteText(dir: string): string[] {
  return filesUnder(dir).map((file) => {
    const bytes = readFileSync(join(dir, file));
    if (file.endsWith(".gz")) return gunzipSync(bytes).toString("utf8");
    if (file.endsWith(".br")) return brotliDecompressSync(bytes).toString("utf8");
    return bytes.toString("utf8");
  });
}

/** As written, or as JSON writes it inside a string. */
function contains(texts: string[], value: string): boolean {
  const escaped = JSON.stringify(value).slice(1, -1);
  return texts.some((t) => t.includes(value) || t.includes(escaped));
}
