import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { createInterface } from "node:readline";
import type { AddressInfo } from "node:net";

/**
 * Something going wrong on purpose, from the `at`-th request (1-based) for `times` requests: a
 * status (with Retry-After, or a body that is no JSON: a proxy's error page), a connection
 * reset, a request left hanging without an answer, or a page whose `more` is replaced (another
 * origin, a loop), as a string or from the request's number.
 */
export type LrsFault =
  | { at: number; times?: number; status: number; retryAfter?: string; body?: string; contentType?: string }
  | { at: number; times?: number; reset: true }
  | { at: number; times?: number; hang: true }
  | { at: number; times?: number; more: string | ((request: number) => string) };

export interface LrsRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  status: number;
}

export interface StartLrsOptions {
  /** Stored statements; `stored` and `id` are filled in, as a real LRS does, when absent. */
  statements: object[] | (() => AsyncIterable<object>);
  /** The server's page size: `limit` above it (or 0) is lowered to it. */
  pageSize?: number;
  /** Basic auth the server demands; none when omitted. */
  username?: string;
  password?: string;
  faults?: LrsFault[];
  /** Path of the Statements API endpoint on the host. */
  basePath?: string;
}

export interface RunningLrs {
  /** The endpoint, e.g. http://127.0.0.1:PORT/xapi (statements are under /statements). */
  url: string;
  close(): Promise<void>;
  /** Every request received, in order, with the status it got. */
  requests: LrsRequest[];
  /** Stores more statements, as if learners kept working between runs. */
  add(statements: object[]): void;
}

type Statement = Record<string, unknown> & { id: string; stored: string };

interface Listing {
  iterator: AsyncIterator<Statement>;
  peeked?: Statement;
}

const VERSION = "1.0.3";
const BASE_STORED = Date.UTC(2026, 0, 1);

/**
 * A Learning Record Store stand-in on 127.0.0.1 following the xAPI 1.0.3 Statements API paging
 * contract (shared/fixtures/real/xapi/PAGING_CONTRACT.md): `since` exclusive on `stored`,
 * `ascending`, `limit`, a `more` IRL relative to the host, version header required, Basic auth.
 */
export async function startLrs(options: StartLrsOptions): Promise<RunningLrs> {
  const basePath = (options.basePath ?? "/xapi").replace(/\/+$/, "");
  const pageSize = options.pageSize ?? 100;
  const requests: LrsRequest[] = [];
  const stored: Statement[] = [];
  const listings = new Map<string, { listing: Listing; query: Record<string, string> }>();
  let clock = BASE_STORED;

  const complete = (statement: object, fallback: () => { id: string; stored: number }): Statement => {
    const s = { ...(statement as Record<string, unknown>) };
    if (typeof s.id !== "string") s.id = fallback().id;
    if (typeof s.stored !== "string") s.stored = new Date(fallback().stored).toISOString();
    clock = Math.max(clock, Date.parse(s.stored as string));
    return s as Statement;
  };
  const add = (statements: object[]) => {
    for (const statement of statements) stored.push(complete(statement, () => ({ id: randomUUID(), stored: clock + 1000 })));
    stored.sort((a, b) => Date.parse(a.stored) - Date.parse(b.stored));
  };
  if (Array.isArray(options.statements)) add(options.statements);

  /**
   * Every statement in `stored` order; a generator is read lazily, never held whole, and must
   * yield in that order. What it leaves out is filled in from its position, the same each time.
   */
  async function* all(): AsyncGenerator<Statement> {
    if (!Array.isArray(options.statements)) {
      let i = 0;
      for await (const statement of options.statements()) {
        i++;
        yield complete(statement, () => ({
          id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`,
          stored: BASE_STORED + i * 1000,
        }));
      }
    }
    yield* [...stored];
  }

  /** A query's matches, in the order asked for, read a page at a time. */
  function openListing(query: Record<string, string>): Listing {
    const since = query.since ? Date.parse(query.since) : -Infinity;
    const until = query.until ? Date.parse(query.until) : Infinity;
    async function* matching(): AsyncGenerator<Statement> {
      for await (const s of all()) {
        const t = Date.parse(s.stored);
        if (t > since && t <= until) yield s;
      }
    }
    if (query.ascending === "true") return { iterator: matching() };
    return {
      iterator: (async function* () {
        const list: Statement[] = [];
        for await (const s of matching()) list.push(s);
        yield* list.reverse();
      })(),
    };
  }

  async function nextPage(listing: Listing, limit: number): Promise<{ page: Statement[]; hasMore: boolean }> {
    const page: Statement[] = [];
    while (page.length < limit) {
      const next = listing.peeked ?? (await listing.iterator.next()).value;
      listing.peeked = undefined;
      if (!next) return { page, hasMore: false };
      page.push(next);
    }
    listing.peeked = (await listing.iterator.next()).value ?? undefined;
    return { page, hasMore: listing.peeked !== undefined };
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { error: String((error as Error)?.message ?? error) });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const record = (status: number) =>
      requests.push({
        method: req.method ?? "GET",
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        status,
      });
    const n = requests.length + 1;
    const fault = options.faults?.find((f) => n >= f.at && n < f.at + (f.times ?? 1));
    if (fault && "reset" in fault) {
      record(0);
      req.socket.destroy();
      return;
    }
    if (fault && "hang" in fault) {
      // Never answers; close() ends the connection.
      record(0);
      return;
    }
    if (fault && "status" in fault) {
      record(fault.status);
      const headers: Record<string, string> = { "Content-Type": fault.contentType ?? "text/plain", "X-Experience-API-Version": VERSION };
      if (fault.retryAfter !== undefined) headers["Retry-After"] = fault.retryAfter;
      res.writeHead(fault.status, headers).end(fault.body ?? `stand-in fault ${fault.status}`);
      return;
    }
    const moreFault = fault && "more" in fault ? fault.more : undefined;
    const fail = (status: number, message: string, extra: Record<string, string> = {}) => {
      record(status);
      send(res, status, { error: message }, extra);
    };
    if (options.username !== undefined) {
      const expected = `Basic ${Buffer.from(`${options.username}:${options.password ?? ""}`).toString("base64")}`;
      if (req.headers.authorization !== expected) {
        fail(401, "Unauthorized", { "WWW-Authenticate": 'Basic realm="LRS"' });
        return;
      }
    }
    const version = req.headers["x-experience-api-version"];
    if (typeof version !== "string" || !/^1\.0(\.\d+)?$/.test(version)) {
      fail(400, "X-Experience-API-Version header missing or not supported (1.0.x)");
      return;
    }
    if (req.method !== "GET") {
      fail(405, "Only GET is served by this stand-in");
      return;
    }

    let listing: Listing;
    let query: Record<string, string>;
    const moreMatch = url.pathname.match(new RegExp(`^${basePath}/statements/more/([0-9a-f]{32})$`));
    if (moreMatch) {
      const found = listings.get(moreMatch[1]!);
      if (!found) {
        fail(400, "Unknown or expired more token");
        return;
      }
      listings.delete(moreMatch[1]!);
      ({ listing, query } = found);
    } else if (url.pathname === `${basePath}/statements`) {
      query = Object.fromEntries(url.searchParams);
      if (query.since && Number.isNaN(Date.parse(query.since))) {
        fail(400, "since is not a timestamp");
        return;
      }
      listing = openListing(query);
    } else {
      fail(404, "Not found");
      return;
    }

    const asked = Number(query.limit ?? 0);
    const limit = asked > 0 ? Math.min(asked, pageSize) : pageSize;
    const { page, hasMore } = await nextPage(listing, limit);
    let more = "";
    if (hasMore) {
      const token = randomUUID().replace(/-/g, "");
      listings.set(token, { listing, query });
      more = `${basePath}/statements/more/${token}`;
    }
    if (moreFault !== undefined) more = typeof moreFault === "string" ? moreFault : moreFault(n);
    record(200);
    // Everything stored so far is retrievable here; a generator's statements count as stored.
    const consistentThrough = Array.isArray(options.statements) ? clock : Math.max(clock, Date.now());
    send(res, 200, { statements: page, more }, {
      "X-Experience-API-Consistent-Through": new Date(consistentThrough).toISOString(),
    });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    requests,
    add,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res
    .writeHead(status, { "Content-Type": "application/json", "X-Experience-API-Version": VERSION, ...headers })
    .end(JSON.stringify(body));
}

/**
 * Statements of NDJSON files (the demo's data/demo/xapi) for `startLrs`, read lazily on each
 * listing. Like a real LRS, it keeps one statement per id and never stores unreadable lines.
 */
export function ndjsonStatements(files: string[]): () => AsyncIterable<object> {
  return async function* () {
    const seen = new Set<string>();
    for (const file of files) {
      for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
        let statement: unknown;
        try {
          statement = JSON.parse(line);
        } catch {
          continue;
        }
        const id = (statement as { id?: unknown } | null)?.id;
        if (typeof id !== "string" || seen.has(id)) continue;
        seen.add(id);
        yield statement as object;
      }
    }
  };
}
