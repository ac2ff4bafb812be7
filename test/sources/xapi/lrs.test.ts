import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { XapiLrsSource } from "../../../src/sources/xapi/settings.ts";
import { ImaginEcoleError } from "../../../src/core/errors.ts";
import { runXapiLrs } from "../../../src/sources/xapi/index.ts";
import { join } from "node:path";
import { ndjsonStatements, startLrs, type RunningLrs, type StartLrsOptions } from "../../stand-ins/lrs.ts";
import { allText, count, openTestWarehouse, statement, voiding, writeNdjson, type TestWarehouse } from "./helpers.ts";

const env = { LRS_USER: "imaginecole", LRS_PASSWORD: "s3cret-pw" };

function source(lrs: RunningLrs, pageSize = 4): XapiLrsSource {
  return {
    kind: "xapi-lrs",
    name: "regional-lrs",
    endpoint: lrs.url,
    usernameEnv: "LRS_USER",
    passwordEnv: "LRS_PASSWORD",
    pageSize,
    country: [{ from: "extension", key: "https://imaginecole.org/xapi/extensions/country" }],
  };
}

/** A statement as learners make them: before the LRS stores it (the stand-in stores from 1 January 2026). */
const made = (id: string, overrides: Record<string, unknown> = {}) => statement(id, { timestamp: "2025-12-31T10:00:00Z", ...overrides });

const statements = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => made(`10000000-0000-4000-8000-${String(from + i).padStart(12, "0")}`));

let t: TestWarehouse;
let lrs: RunningLrs | undefined;
let sleeps: number[];
const retry = () => ({ baseDelayMs: 5, maxDelayMs: 20, attempts: 3, sleep: async (ms: number) => void sleeps.push(ms) });

async function serve(options: Partial<StartLrsOptions> & Pick<StartLrsOptions, "statements">): Promise<RunningLrs> {
  lrs = await startLrs({ pageSize: 4, username: env.LRS_USER, password: env.LRS_PASSWORD, ...options });
  return lrs;
}

beforeEach(async () => {
  t = await openTestWarehouse();
  sleeps = [];
});
afterEach(async () => {
  await lrs?.close();
  lrs = undefined;
  t.close();
});

describe("runXapiLrs(ctx, source)", () => {
  it("pulls three pages through `more`, loads each statement once, then asks only for what is new", async () => {
    const server = await serve({ statements: statements(10) });
    const results = await runXapiLrs(t.ctx, source(server), { env, retry: retry() });
    expect(results).toMatchObject([{ status: "loaded", rowsRead: 10, rowsLoaded: 10 }]);
    expect(await count(t.ctx, "core.usage_events")).toBe(10);
    const [first, ...rest] = server.requests;
    expect(first!.path).toBe("/xapi/statements");
    expect(first!.query).toMatchObject({ limit: "4", ascending: "true" });
    expect(first!.query.since).toBeUndefined();
    expect(first!.headers["x-experience-api-version"]).toBe("1.0.3");
    expect(rest.map((r) => r.path)).toEqual([
      expect.stringMatching(/^\/xapi\/statements\/more\/[0-9a-f]{32}$/),
      expect.stringMatching(/^\/xapi\/statements\/more\/[0-9a-f]{32}$/),
    ]);

    server.requests.length = 0;
    const again = await runXapiLrs(t.ctx, source(server), { env, retry: retry() });
    expect(again).toEqual([]);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.query.since).toBe("2026-01-01T00:00:10.000Z");
    expect(await count(t.ctx, "raw.xapi_statements")).toBe(10);
  });

  it("gathers pages into batches of batchStatements, each saving the cursor it reached", async () => {
    const server = await serve({ statements: statements(10) });
    const results = await runXapiLrs(t.ctx, source(server), { env, retry: retry(), batchStatements: 8 });
    expect(results.map((r) => r.rowsLoaded)).toEqual([8, 2]);
    const cursors = await t.ctx.warehouse.all<{ value: string }>("SELECT value FROM ops.cursors WHERE source = 'xapi-lrs'");
    expect(cursors).toEqual([{ value: "2026-01-01T00:00:10.000Z" }]);
  });

  it("points a rejected statement at the LRS query that fetches it", async () => {
    const bad = made("40000000-0000-4000-8000-000000000001", { verb: {} });
    const server = await serve({ statements: [bad, ...statements(1)] });
    const [result] = await runXapiLrs(t.ctx, source(server), { env, retry: retry() });
    expect(result).toMatchObject({ status: "loaded_with_rejects", rowsLoaded: 1, rowsRejected: 1 });
    const reject = await t.ctx.warehouse.one<{ location: string; column: string }>('SELECT location, "column" FROM ops.rejects');
    expect(reject).toEqual({ location: `${server.url}/statements?statementId=${bad.id}`, column: "verb.id" });
  });

  it("waits as a 429 asks (Retry-After), backs off without it, then succeeds", async () => {
    const server = await serve({
      statements: statements(3),
      faults: [
        { at: 1, status: 429, retryAfter: "7" },
        { at: 2, status: 429 },
      ],
    });
    const results = await runXapiLrs(t.ctx, source(server), { env, retry: retry() });
    expect(results).toMatchObject([{ status: "loaded", rowsLoaded: 3 }]);
    expect(sleeps).toEqual([7000, 10]);
    expect(server.requests.map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it("retries a reset connection", async () => {
    const server = await serve({ statements: statements(2), faults: [{ at: 1, reset: true }] });
    const results = await runXapiLrs(t.ctx, source(server), { env, retry: retry() });
    expect(results).toMatchObject([{ status: "loaded", rowsLoaded: 2 }]);
    expect(sleeps).toEqual([5]);
  });

  it("after a 500 mid-way, a rerun completes with the counts of a clean run", async () => {
    const server = await serve({ statements: statements(10), faults: [{ at: 2, times: 3, status: 500 }] });
    const interrupted = await runXapiLrs(t.ctx, source(server), { env, retry: retry() });
    expect(interrupted.map((r) => r.status)).toEqual(["loaded", "failed"]);
    expect(interrupted[1]!.message).toMatch(/HTTP 500/);
    expect(await count(t.ctx, "core.usage_events")).toBe(4);

    const resumed = await runXapiLrs(t.ctx, source(server), { env, retry: retry() });
    expect(resumed.map((r) => r.rowsLoaded)).toEqual([6]);
    expect(server.requests.at(-2)!.query.since).toBe("2026-01-01T00:00:04.000Z");

    const clean = await openTestWarehouse();
    try {
      await runXapiLrs(clean.ctx, source(server), { env, retry: retry() });
      for (const table of ["core.usage_events", "raw.xapi_statements"]) {
        expect(await count(t.ctx, table)).toBe(await count(clean.ctx, table));
      }
    } finally {
      clean.close();
    }
  });

  it("removes a statement voided in a later run and does not count the voiding statement", async () => {
    const [target, other] = statements(2);
    const server = await serve({ statements: [target!, other!] });
    await runXapiLrs(t.ctx, source(server), { env, retry: retry() });
    expect(await count(t.ctx, "core.usage_events")).toBe(2);

    server.add([{ ...voiding("20000000-0000-4000-8000-000000000001", target!.id as string), timestamp: "2025-12-31T11:00:00Z" }]);
    const [result] = await runXapiLrs(t.ctx, source(server), { env, retry: retry() });
    expect(result).toMatchObject({ status: "loaded", rowsLoaded: 1 });
    const usage = await t.ctx.warehouse.all<{ event_id: string }>("SELECT event_id FROM core.usage_events");
    expect(usage.map((u) => u.event_id)).toEqual([other!.id]);
  });

  it("on a dry run, reports rejects but writes neither statements nor the cursor", async () => {
    const server = await serve({ statements: [...statements(2), made("50000000-0000-4000-8000-000000000001", { object: {} })] });
    const dry = await openTestWarehouse({ dryRun: true });
    try {
      const [result] = await runXapiLrs(dry.ctx, source(server), { env, retry: retry() });
      expect(result).toMatchObject({ rowsLoaded: 2, rowsRejected: 1 });
      expect(result!.rejects).toMatchObject([{ column: "object.id" }]);
      for (const table of ["raw.xapi_statements", "ops.cursors", "ops.loads", "ops.rejects"]) expect(await count(dry.ctx, table)).toBe(0);
    } finally {
      dry.close();
    }
  });

  it("refuses to start without credentials, naming the variables", async () => {
    const server = await serve({ statements: [] });
    await expect(runXapiLrs(t.ctx, source(server), { env: {} })).rejects.toThrow(/LRS_USER and LRS_PASSWORD/);
    expect(server.requests).toHaveLength(0);
  });

  it("reports refused credentials without ever showing the password", async () => {
    const server = await serve({ statements: statements(1) });
    const error = await runXapiLrs(t.ctx, source(server), { env: { ...env, LRS_PASSWORD: "wrong-pw" }, retry: retry() }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImaginEcoleError);
    const e = error as ImaginEcoleError;
    expect(e.bilingual.en).toMatch(/HTTP 401.*LRS_USER and LRS_PASSWORD/);
    expect(`${e.bilingual.fr} ${e.bilingual.en}`).not.toMatch(/wrong-pw|s3cret/);
    expect(await allText(t.ctx)).not.toMatch(/wrong-pw|s3cret/);
  });
});

describe("runXapiLrs(ctx, source) against a faulty LRS", () => {
  it("does not follow a `more` to another origin, so no credentials reach it, and loads what came before", async () => {
    const other = await startLrs({ statements: statements(4, 100), username: env.LRS_USER, password: env.LRS_PASSWORD });
    try {
      const server = await serve({ statements: statements(10), faults: [{ at: 1, more: `${other.url}/statements?page=2` }] });
      const results = await runXapiLrs(t.ctx, source(server), { env, retry: retry() });
      expect(results.map((r) => r.status)).toEqual(["loaded", "failed"]);
      expect(results[0]!.rowsLoaded).toBe(4);
      expect(results[1]!.message).toMatch(/another server \(http:\/\/127\.0\.0\.1:\d+\).*credentials are not sent there/);
      expect(other.requests).toEqual([]);
      expect(server.requests).toHaveLength(1);
      const cursor = await t.ctx.warehouse.scalar("SELECT value FROM ops.cursors WHERE source = 'xapi-lrs'");
      expect(cursor).toBe("2026-01-01T00:00:04.000Z");
    } finally {
      await other.close();
    }
  });

  it("stops a `more` that leads back to a page already asked for", async () => {
    const server = await serve({ statements: statements(10), faults: [{ at: 1, times: 1000, more: "/xapi/statements?ascending=true&limit=4" }] });
    const results = await runXapiLrs(t.ctx, source(server), { env, retry: retry() });
    expect(results.map((r) => r.status)).toEqual(["loaded", "failed"]);
    expect(results[1]!.message).toMatch(/page already asked for.*round in circles/);
    expect(server.requests.length).toBeLessThanOrEqual(2);
    expect(await count(t.ctx, "raw.xapi_statements")).toBe(4);
  });

  it("stops pages that bring nothing new, however new their `more` links look, keeping the cursor at the last good page", async () => {
    const server = await serve({
      statements: statements(10),
      faults: [{ at: 1, times: 1000, more: (n) => `/xapi/statements?ascending=true&limit=4&page=${n}` }],
    });
    const results = await runXapiLrs(t.ctx, source(server), { env, retry: retry() });
    expect(results.map((r) => r.status)).toEqual(["loaded", "failed"]);
    expect(results[1]!.message).toMatch(/3 pages in a row bring no new statement/);
    expect(server.requests).toHaveLength(4);
    expect(await count(t.ctx, "raw.xapi_statements")).toBe(4);
    expect(await t.ctx.warehouse.scalar("SELECT value FROM ops.cursors WHERE source = 'xapi-lrs'")).toBe("2026-01-01T00:00:04.000Z");
  });

  it("caps a Retry-After of an hour at five minutes, and says so in the log", async () => {
    const server = await serve({ statements: statements(2), faults: [{ at: 1, status: 429, retryAfter: "3600" }] });
    const results = await runXapiLrs(t.ctx, source(server), { env, retry: retry() });
    expect(results).toMatchObject([{ status: "loaded", rowsLoaded: 2 }]);
    expect(sleeps).toEqual([300_000]);
    expect(t.logs.find((l) => l.includes("HTTP 429"))).toMatch(/trying again in 300 s \(try 2 of 3\); it asked to wait 3600 s, the wait is capped/);
  });

  it("gives up on a request left without an answer, logs it, and tries again", async () => {
    const server = await serve({ statements: statements(2), faults: [{ at: 1, hang: true }] });
    const results = await runXapiLrs(t.ctx, source(server), { env, retry: { ...retry(), timeoutMs: 300 } });
    expect(results).toMatchObject([{ status: "loaded", rowsLoaded: 2 }]);
    expect(server.requests.map((r) => r.status)).toEqual([0, 200]);
    expect(t.logs.find((l) => l.includes("no answer"))).toMatch(/no answer in 300 ms\), trying again in 5 ms/);
  });

  it("tries again a page that is not JSON, and refuses it once the tries are spent", async () => {
    const page = { status: 200, body: "<html><body>502 Bad Gateway</body></html>", contentType: "text/html" };
    const once = await serve({ statements: statements(2), faults: [{ at: 1, ...page }] });
    expect(await runXapiLrs(t.ctx, source(once), { env, retry: retry() })).toMatchObject([{ status: "loaded", rowsLoaded: 2 }]);
    await once.close();

    const always = await serve({ statements: statements(2, 50), faults: [{ at: 1, times: 3, ...page }] });
    const [result] = await runXapiLrs(t.ctx, source(always), { env, retry: retry() });
    expect(result).toMatchObject({ status: "failed" });
    expect(result!.message).toMatch(/still fails after 3 attempts \(last: not JSON \(text\/html\)\)/);
    expect(always.requests).toHaveLength(3);
  });
});

describe("startLrs(options)", () => {
  it("answers 400 without X-Experience-API-Version and 401 without credentials", async () => {
    const server = await serve({ statements: statements(1) });
    const auth = `Basic ${Buffer.from(`${env.LRS_USER}:${env.LRS_PASSWORD}`).toString("base64")}`;
    expect((await fetch(`${server.url}/statements`, { headers: { Authorization: auth } })).status).toBe(400);
    expect((await fetch(`${server.url}/statements`, { headers: { "X-Experience-API-Version": "1.0.3" } })).status).toBe(401);
    const ok = await fetch(`${server.url}/statements`, { headers: { Authorization: auth, "X-Experience-API-Version": "1.0.3" } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("X-Experience-API-Consistent-Through")).toBe("2026-01-01T00:00:01.000Z");
    expect(((await ok.json()) as { statements: unknown[] }).statements).toHaveLength(1);
  });

  it("serves a generator's statements a page at a time, reading it once per listing", async () => {
    let opened = 0;
    const server = await serve({
      pageSize: 10,
      statements: () => {
        opened++;
        return (async function* () {
          for (let i = 0; i < 25; i++) yield made(`30000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
        })();
      },
    });
    const results = await runXapiLrs(t.ctx, source(server, 10), { env, retry: retry() });
    expect(results.map((r) => r.rowsLoaded)).toEqual([25]);
    expect(server.requests).toHaveLength(3);
    expect(opened).toBe(1);
  });

  it("ndjsonStatements(files) serves statement files once per id, skipping unreadable lines", async () => {
    const [a, b, c] = statements(3);
    const files = [
      writeNdjson(join(t.dir, "1.ndjson"), [a!, "{broken", b!]),
      writeNdjson(join(t.dir, "2.ndjson"), [b!, c!]),
    ];
    const server = await serve({ statements: ndjsonStatements(files) });
    const results = await runXapiLrs(t.ctx, source(server), { env, retry: retry() });
    expect(results.map((r) => r.rowsLoaded)).toEqual([3]);
  });

  it("lists newest first unless ascending, and `since` excludes the statement stored at that instant", async () => {
    const server = await serve({ statements: statements(3) });
    const headers = {
      Authorization: `Basic ${Buffer.from(`${env.LRS_USER}:${env.LRS_PASSWORD}`).toString("base64")}`,
      "X-Experience-API-Version": "1.0.3",
    };
    const get = async (query: string) =>
      ((await (await fetch(`${server.url}/statements?${query}`, { headers })).json()) as { statements: { stored: string }[] })
        .statements.map((s) => s.stored.slice(17, 19));
    expect(await get("")).toEqual(["03", "02", "01"]);
    expect(await get("ascending=true&since=2026-01-01T00:00:01.000Z")).toEqual(["02", "03"]);
  });
});
