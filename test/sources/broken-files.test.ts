// Broken files, generated: for every kind of `import`, a valid file damaged at random (random
// bytes, cut short, a line replaced by junk, a line past the line limit, UTF-16, empty, a folder).
// Whatever comes in, the import ends with an exit code of the README's table, says which file
// (and where in it) in both languages without a stack trace, and a refused batch leaves the
// warehouse as it was. Run in-process, as `imaginecole import` runs them (src/pipeline/sources.ts).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exitCodeOf, printResults } from "../../src/cli/report.ts";
import { EXIT } from "../../src/core/errors.ts";
import { asUserError } from "../../src/core/faults.ts";
import type { Lang } from "../../src/core/lang.ts";
import { importFiles } from "../../src/pipeline/sources.ts";
import { MAX_LINE_BYTES } from "../../src/sources/line-limit.ts";
import type { Warehouse } from "../../src/warehouse/warehouse.ts";
import { openTestContext, type TestContext } from "../support/context.ts";
import { statement } from "./xapi/helpers.ts";

const ROOT = join(import.meta.dirname, "../..");
const MOODLE = join(ROOT, "test/fixtures/real/moodle");
const RUNS = 20;

interface Kind {
  kind: string;
  options: Record<string, string>;
  /** The file's name (its extension tells the sheet reader what it is). */
  name: (n: number) => string;
  valid: () => Buffer;
}

const lines = (rows: string[]) => Buffer.from(`${rows.join("\n")}\n`, "utf8");

const KINDS: Kind[] = [
  {
    kind: "xapi",
    options: {},
    name: (n) => `statements-${n}.ndjson`,
    valid: () => lines([1, 2, 3].map((i) => JSON.stringify(statement(`6690e6c9-3ef0-4ed3-8b37-7f396473000${i}`)))),
  },
  {
    kind: "moodle-log",
    options: { country: "SN", timezone: "Africa/Dakar" },
    name: (n) => `logs_${n}.csv`,
    valid: () => readFileSync(join(MOODLE, "logs_sample_en_thirdparty_fixture.csv")),
  },
  {
    kind: "national-csv",
    options: { country: "SN" },
    name: (n) => `frequentation_${n}.csv`,
    valid: () => lines(["Date;Plateforme;Utilisateurs actifs", "01/06/2026;A;10", "02/06/2026;A;12", "03/06/2026;A;9"]),
  },
  {
    kind: "sheet",
    options: { country: "SN" },
    name: (n) => (n % 3 === 0 ? `ImaginEcole Sénégal ${n}.xlsx` : `ImaginEcole Sénégal ${n} - Ressources.csv`),
    valid: () => lines([
      "ID ressource,Titre,Statut,Date du statut,Lien",
      "R-1,Fiche de lecture,Publiée,01/10/2025,https://imaginecole.org/r/1",
      "R-2,Calcul mental,En cours,02/10/2025,",
    ]),
  },
];

/** Ways to break a valid file. */
const damage = fc.oneof(
  fc.record({ how: fc.constant("bytes" as const), bytes: fc.uint8Array({ maxLength: 400 }) }),
  fc.record({ how: fc.constant("cut" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ how: fc.constant("junk line" as const), line: fc.nat(5), junk: fc.string({ unit: "binary", maxLength: 120 }) }),
  fc.record({ how: fc.constant("long line" as const), line: fc.nat(3) }),
  fc.record({ how: fc.constant("utf-16" as const) }),
  fc.record({ how: fc.constant("empty" as const) }),
);
type Damage = typeof damage extends fc.Arbitrary<infer T> ? T : never;

function broken(valid: Buffer, d: Damage): Buffer {
  const rows = valid.toString("utf8").split("\n");
  switch (d.how) {
    case "bytes":
      return Buffer.from(d.bytes);
    case "cut":
      return valid.subarray(0, Math.floor(valid.length * d.at));
    case "junk line":
      rows[d.line % rows.length] = d.junk;
      return Buffer.from(rows.join("\n"), "utf8");
    case "long line":
      rows[d.line % rows.length] = "x".repeat(MAX_LINE_BYTES + 1);
      return Buffer.from(rows.join("\n"), "utf8");
    case "utf-16":
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(valid.toString("utf8"), "utf16le")]);
    case "empty":
      return Buffer.alloc(0);
  }
}

/**
 * Row counts of every table a load fills: ops.loads apart (a refused batch records why it failed),
 * and ops.file_hashes (a cache of each file's hash by size and date, which is no data).
 */
async function fingerprint(warehouse: Warehouse): Promise<string> {
  const tables = await warehouse.all<{ name: string }>(
    `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND (table_schema IN ('raw', 'core') OR (table_schema = 'ops' AND table_name NOT IN ('loads', 'file_hashes')))
     ORDER BY name`,
  );
  const counts: string[] = [];
  for (const { name } of tables) counts.push(`${name}=${await warehouse.scalar(`SELECT count(*) FROM ${name}`)}`);
  return counts.join(" ");
}

/** What `imaginecole import` would print and exit with, in process. */
async function attempt(t: TestContext, kind: Kind, path: string, lang: Lang): Promise<{ code: number; text: string; refused: boolean }> {
  try {
    const results = await importFiles({ ...t.ctx, lang }, kind.kind, [path], kind.options);
    const out: string[] = [];
    await printResults(results, t.ctx.warehouse, lang, (line) => void out.push(line));
    const code = exitCodeOf(results, t.ctx.warehouse.path);
    return { code, text: out.join("\n"), refused: results.every((r) => r.status === "failed") };
  } catch (error) {
    const shown = asUserError(error, "imaginecole import");
    return { code: shown.exitCode, text: shown.text(lang), refused: true };
  }
}

const STACK = /^\s+at .+[:(]\d+|\n\s+at \S+ \(/m;

describe("import of broken files (fast-check)", () => {
  let t: TestContext;
  beforeAll(async () => {
    // Paths relative to the project, as the command line has them: the sheets read its reference data.
    t = await openTestContext({ root: ROOT });
  });
  afterAll(() => t.close());

  for (const kind of KINDS) {
    it(`${kind.kind}: an exit code of the table, the file named, no stack trace, nothing kept of a refused batch`, async () => {
      let n = 0;
      const seen = new Set<number>();
      await fc.assert(
        fc.asyncProperty(damage, fc.constantFrom<Lang>("fr", "en"), async (d, lang) => {
          const name = kind.name(++n);
          const path = join(t.dir, kind.kind, name);
          mkdirSync(join(t.dir, kind.kind), { recursive: true });
          writeFileSync(path, broken(kind.valid(), d));
          const before = await fingerprint(t.ctx.warehouse);
          const { code, text, refused } = await attempt(t, kind, path, lang);
          seen.add(code);
          expect([EXIT.ok, EXIT.failed, EXIT.usage, EXIT.rejects]).toContain(code);
          expect(text).toContain(basename(path));
          expect(text).not.toMatch(STACK);
          for (const line of text.split("\n")) expect(line.length).toBeLessThan(2_000);
          if (refused) expect(await fingerprint(t.ctx.warehouse)).toBe(before);
        }),
        { numRuns: RUNS },
      );
      // The damage reaches the refusals, not only files that still load.
      expect([...seen].some((code) => code === EXIT.failed || code === EXIT.usage || code === EXIT.rejects)).toBe(true);
    }, 120_000);
  }
});
