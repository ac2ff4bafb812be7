import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { importXapiFiles, runXapiFiles } from "../../../src/sources/xapi/index.ts";
import {
  allText, count, moodleLogstoreStatements, openTestWarehouse, specStatements, statement, voiding, writeNdjson,
  type TestWarehouse,
} from "./helpers.ts";

let t: TestWarehouse;
beforeEach(async () => (t = await openTestWarehouse()));
afterEach(() => t.close());

const rejects = (load_id: string) =>
  t.ctx.warehouse.all<{ location: string; column: string | null; value: string | null; reason_en: string; reason_fr: string }>(
    'SELECT location, "column", value, reason_en, reason_fr FROM ops.rejects WHERE load_id = $1 ORDER BY location',
    [load_id],
  );

describe("importXapiFiles(ctx, files, options)", () => {
  it("loads the real xAPI specification examples from a JSON array", async () => {
    const file = join(t.dir, "spec.json");
    writeFileSync(file, JSON.stringify(specStatements(), null, 2));
    const [result] = await importXapiFiles(t.ctx, [file], { country: "SN" });
    expect(result).toMatchObject({ status: "loaded", rowsRead: 6, rowsLoaded: 6, rowsRejected: 0 });
    const events = await t.ctx.warehouse.all<{ event_id: string; occurred_at: string; country_code: string }>(
      "SELECT event_id, strftime(occurred_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S.%g') AS occurred_at, country_code FROM core.usage_events ORDER BY event_id",
    );
    expect(events.map((e) => e.event_id)).toContain("6690e6c9-3ef0-4ed3-8b37-7f3964730bee");
    expect(events.find((e) => e.event_id === "d1eec41f-1e93-4ed6-acbf-5c4bd0c24269")?.occurred_at).toBe("2012-06-01 19:09:13.245");
    expect(new Set(events.map((e) => e.country_code))).toEqual(new Set(["SN"]));
  });

  it("rejects the real Moodle logstore statements, which have no id, naming the missing field", async () => {
    const file = writeNdjson(join(t.dir, "moodle.ndjson"), moodleLogstoreStatements());
    const [result] = await importXapiFiles(t.ctx, [file], { country: "SN" });
    expect(result).toMatchObject({ status: "loaded_with_rejects", rowsLoaded: 0, rowsRejected: 3 });
    const found = await rejects(result!.loadId);
    expect(found.map((r) => [r.location, r.column])).toEqual([
      ["moodle.ndjson:1", "id"],
      ["moodle.ndjson:2", "id"],
      ["moodle.ndjson:3", "id"],
    ]);
    expect(found[0]!.reason_en).toMatch(/without an id/);
    expect(found[0]!.reason_fr).toMatch(/sans identifiant/);
  });

  it("rejects each broken line with its line number, the field and the reason", async () => {
    const file = writeNdjson(join(t.dir, "broken.ndjson"), [
      statement("a0000000-0000-4000-8000-000000000001"),
      statement("a0000000-0000-4000-8000-000000000002", { actor: { name: "Nobody" } }),
      statement("a0000000-0000-4000-8000-000000000003", { verb: { display: { fr: "?" } } }),
      "",
      statement("a0000000-0000-4000-8000-000000000005", { object: { objectType: "Activity" } }),
      statement("a0000000-0000-4000-8000-000000000006", { timestamp: "hier soir" }),
      '{"id": "a0000000-0000-4000-8000-000000000007", "actor": ',
    ]);
    const [result] = await importXapiFiles(t.ctx, [file], { country: "SN" });
    expect(result).toMatchObject({ status: "loaded_with_rejects", rowsRead: 6, rowsLoaded: 1, rowsRejected: 5 });
    expect((await rejects(result!.loadId)).map((r) => [r.location, r.column, r.value])).toEqual([
      ["broken.ndjson:2", "actor", null],
      ["broken.ndjson:3", "verb.id", null],
      ["broken.ndjson:5", "object.id", null],
      ["broken.ndjson:6", "timestamp", "hier soir"],
      ["broken.ndjson:7", null, null],
    ]);
  });

  it("reads every ISO 8601 zone style, a time without zone as UTC, and refuses a date alone", async () => {
    const times = ["2026-03-01T10:00:00+0100", "2026-03-01T10:00:00.5+01", "2026-03-01T10:00:00-05:00", "2026-03-01T10:00:00", "2026-03-01"];
    const file = writeNdjson(
      join(t.dir, "zones.ndjson"),
      times.map((timestamp, i) => statement(`a4000000-0000-4000-8000-00000000000${i}`, { timestamp })),
    );
    // Whatever zone the DuckDB session is in, a time without zone stays UTC.
    await t.ctx.warehouse.run("SET TimeZone = 'Africa/Douala'");
    const [result] = await importXapiFiles(t.ctx, [file], { country: "SN" });
    expect(result).toMatchObject({ rowsLoaded: 4, rowsRejected: 1 });
    const at = await t.ctx.warehouse.all<{ t: string }>(
      "SELECT strftime(occurred_at AT TIME ZONE 'UTC', '%H:%M:%S.%g') AS t FROM core.usage_events ORDER BY event_id",
    );
    expect(at.map((r) => r.t)).toEqual(["09:00:00.000", "09:00:00.500", "15:00:00.000", "10:00:00.000"]);
    expect(await rejects(result!.loadId)).toMatchObject([{ location: "zones.ndjson:5", column: "timestamp", value: "2026-03-01" }]);
  });

  it("attributes the country by the configured rules in order, and rejects what no rule resolves", async () => {
    const file = writeNdjson(join(t.dir, "countries.ndjson"), [
      statement("b0000000-0000-4000-8000-000000000001"),
      statement("b0000000-0000-4000-8000-000000000002", {
        context: {},
        actor: { account: { homePage: "https://ml.imaginecole.org", name: "17" } },
      }),
      statement("b0000000-0000-4000-8000-000000000003", { context: {} }),
    ]);
    const [result] = await importXapiFiles(t.ctx, [file], {});
    expect(result).toMatchObject({ rowsLoaded: 2, rowsRejected: 1 });
    const countries = await t.ctx.warehouse.all<{ event_id: string; country_code: string }>(
      "SELECT event_id, country_code FROM core.usage_events ORDER BY event_id",
    );
    expect(countries.map((c) => c.country_code)).toEqual(["SN", "ML"]);
    const [reject] = await rejects(result!.loadId);
    expect(reject).toMatchObject({ location: "countries.ndjson:3", column: "country" });
    expect(reject!.reason_en).toMatch(/never guessed/);
  });

  it("resolves the country from the platform map and from a pattern on the activity IRI", async () => {
    const file = writeNdjson(join(t.dir, "rules.ndjson"), [
      statement("b1000000-0000-4000-8000-000000000001", { context: { platform: "Moodle Burkina" } }),
      statement("b1000000-0000-4000-8000-000000000002", { context: {}, object: { id: "https://ne.imaginecole.org/ressources/7" } }),
    ]);
    const [result] = await importXapiFiles(t.ctx, [file], {
      rules: [
        { from: "platform", map: { "Moodle Burkina": "bf" } },
        { from: "activity", pattern: "^https://([a-z]{2})\\.imaginecole\\.org/" },
      ],
    });
    expect(result).toMatchObject({ rowsLoaded: 2, rowsRejected: 0 });
    const countries = await t.ctx.warehouse.all<{ country_code: string }>("SELECT country_code FROM core.usage_events ORDER BY event_id");
    expect(countries.map((c) => c.country_code)).toEqual(["BF", "NE"]);
  });

  it("rejects a country code that is not in the reference once the reference is loaded", async () => {
    await t.ctx.warehouse.run("INSERT INTO core.countries (country_code, iso3, iso_numeric, name_fr, name_en) VALUES ('SN', 'SEN', '686', 'Sénégal', 'Senegal')");
    const file = writeNdjson(join(t.dir, "xx.ndjson"), [
      statement("c0000000-0000-4000-8000-000000000001"),
      statement("c0000000-0000-4000-8000-000000000002", {
        context: { extensions: { "https://imaginecole.org/xapi/extensions/country": "XX" } },
      }),
    ]);
    const [result] = await importXapiFiles(t.ctx, [file], {});
    expect(result).toMatchObject({ rowsLoaded: 1, rowsRejected: 1 });
    expect(await rejects(result!.loadId)).toMatchObject([{ location: "xx.ndjson:2", column: "country", value: "XX" }]);
  });

  it("refuses a --country that is not a reference country before reading anything, suggesting the closest; takes one by name", async () => {
    await t.ctx.warehouse.run("INSERT INTO core.countries (country_code, iso3, iso_numeric, name_fr, name_en) VALUES ('SN', 'SEN', '686', 'Sénégal', 'Senegal')");
    const file = writeNdjson(join(t.dir, "any.ndjson"), [statement("c1000000-0000-4000-8000-000000000001")]);
    await expect(importXapiFiles(t.ctx, [file], { country: "Sénégall" })).rejects.toThrow('Unknown country "Sénégall" (--country): did you mean SN (Senegal)?');
    await expect(importXapiFiles(t.ctx, [file], { country: "ML" })).rejects.toThrow(/two-letter ISO code or the name/);
    expect(await count(t.ctx, "ops.loads")).toBe(0);
    const [byName] = await importXapiFiles(t.ctx, [file], { country: "Sénégal" });
    expect(byName!.status).toBe("loaded");
    expect(await t.ctx.warehouse.scalar("SELECT country_code FROM core.usage_events")).toBe("SN");
  });

  it("reads a StatementResult page and loads a statement id once however often it is seen", async () => {
    const s1 = statement("d0000000-0000-4000-8000-000000000001");
    const s2 = statement("d0000000-0000-4000-8000-000000000002");
    const page = join(t.dir, "page.json");
    writeFileSync(page, JSON.stringify({ statements: [s1, s2, s1], more: "" }, null, 2));
    const again = writeNdjson(join(t.dir, "again.ndjson"), [s2, s1]);
    const [first, second] = await importXapiFiles(t.ctx, [page, again], {});
    expect(first).toMatchObject({ rowsRead: 3, rowsLoaded: 2, rowsRejected: 0 });
    expect(second).toMatchObject({ status: "loaded", rowsRead: 2, rowsLoaded: 0 });
    expect(await count(t.ctx, "core.usage_events")).toBe(2);
    expect(await count(t.ctx, "raw.xapi_statements")).toBe(2);
  });

  it("keeps the first occurrence of an id given twice in one NDJSON file, and refuses a copy whose content differs", async () => {
    const id = "d1000000-0000-4000-8000-000000000001";
    const file = writeNdjson(join(t.dir, "twice.ndjson"), [
      statement(id, { object: { id: "https://imaginecole.org/resources/first" } }),
      statement("d1000000-0000-4000-8000-000000000002"),
      statement(id, { object: { id: "https://imaginecole.org/resources/second" } }),
      statement(id, { object: { id: "https://imaginecole.org/resources/first" } }),
    ]);
    const [result] = await importXapiFiles(t.ctx, [file], {});
    expect(result).toMatchObject({ status: "loaded_with_rejects", rowsRead: 4, rowsLoaded: 2, rowsRejected: 1 });
    const kept = await t.ctx.warehouse.all<{ object_id: string }>("SELECT object_id FROM core.usage_events WHERE event_id = $1", [id]);
    expect(kept).toEqual([{ object_id: "https://imaginecole.org/resources/first" }]);
    const [reject] = await rejects(result!.loadId);
    expect(reject).toMatchObject({ location: "twice.ndjson:3", column: "id", value: id });
    expect(reject!.reason_en).toMatch(/other content/);
    expect(reject!.reason_fr).toMatch(/contenu différent/);
  });

  it("rejects, by line, what a lenient JSON reader would misread: two documents on a line, a key in the wrong case", async () => {
    const good = statement("d2000000-0000-4000-8000-000000000001");
    const file = writeNdjson(join(t.dir, "lenient.ndjson"), [
      good,
      JSON.stringify(statement("d2000000-0000-4000-8000-000000000002")) + JSON.stringify(statement("d2000000-0000-4000-8000-000000000003")),
      { ...statement("d2000000-0000-4000-8000-000000000004"), id: undefined, ID: "d2000000-0000-4000-8000-000000000004" },
    ]);
    const [result] = await importXapiFiles(t.ctx, [file], {});
    expect(result).toMatchObject({ status: "loaded_with_rejects", rowsRead: 3, rowsLoaded: 1, rowsRejected: 2 });
    expect((await rejects(result!.loadId)).map((r) => [r.location, r.column])).toEqual([
      ["lenient.ndjson:2", null],
      ["lenient.ndjson:3", "id"],
    ]);
  });

  it("takes a folder for its .json and .ndjson files, and refuses a missing file", async () => {
    mkdirSync(join(t.dir, "dump"));
    writeNdjson(join(t.dir, "dump", "a.ndjson"), [statement("a5000000-0000-4000-8000-000000000001")]);
    writeFileSync(join(t.dir, "dump", "readme.txt"), "not statements");
    const results = await importXapiFiles(t.ctx, ["dump"], {});
    expect(results).toMatchObject([{ status: "loaded", rowsLoaded: 1 }]);
    await expect(importXapiFiles(t.ctx, ["absent.ndjson"], {})).rejects.toThrow(/File not found/);
  });

  it("skips a file whose content was already loaded", async () => {
    const file = writeNdjson(join(t.dir, "once.ndjson"), [statement("e0000000-0000-4000-8000-000000000001")]);
    await importXapiFiles(t.ctx, [file], {});
    const [again] = await importXapiFiles(t.ctx, [file], {});
    expect(again!.status).toBe("skipped");
    expect(await count(t.ctx, "ops.loads", "status = 'skipped'")).toBe(1);
  });

  it("skips a copy of a loaded file, found out by its hash once read, writing nothing", async () => {
    const rows = [statement("e1000000-0000-4000-8000-000000000001"), statement("e1000000-0000-4000-8000-000000000002")];
    await importXapiFiles(t.ctx, [writeNdjson(join(t.dir, "export.ndjson"), rows)], {});
    const [copy] = await importXapiFiles(t.ctx, [writeNdjson(join(t.dir, "export-copy.ndjson"), rows)], {});
    expect(copy).toMatchObject({ status: "skipped", rowsLoaded: 0 });
    expect(await count(t.ctx, "raw.xapi_statements")).toBe(2);
    expect(await count(t.ctx, "ops.file_hashes")).toBe(2);
  });

  it("removes a voided target loaded earlier and never loads a target voided before it arrives", async () => {
    const target = "f0000000-0000-4000-8000-000000000001";
    const late = "f0000000-0000-4000-8000-000000000002";
    const files = [
      writeNdjson(join(t.dir, "1.ndjson"), [statement(target), statement("f0000000-0000-4000-8000-00000000000a")]),
      writeNdjson(join(t.dir, "2.ndjson"), [voiding("f0000000-0000-4000-8000-0000000000b1", target)]),
      writeNdjson(join(t.dir, "3.ndjson"), [voiding("f0000000-0000-4000-8000-0000000000b2", late)]),
      writeNdjson(join(t.dir, "4.ndjson"), [statement(late)]),
    ];
    await importXapiFiles(t.ctx, files, {});
    const usage = await t.ctx.warehouse.all<{ event_id: string }>("SELECT event_id FROM core.usage_events");
    expect(usage.map((u) => u.event_id)).toEqual(["f0000000-0000-4000-8000-00000000000a"]);
    expect(await count(t.ctx, "core.voided_events")).toBe(2);
    expect(await count(t.ctx, "raw.xapi_statements", "voided_target IS NOT NULL")).toBe(2);
  });

  it("keeps no name or e-mail from the file anywhere in the warehouse", async () => {
    const file = join(t.dir, "spec.json");
    writeFileSync(file, JSON.stringify([...specStatements(), statement("a1000000-0000-4000-8000-000000000001", { actor: { name: "Awa Diop" } })]));
    await importXapiFiles(t.ctx, [file], { country: "SN" });
    const text = await allText(t.ctx);
    expect(text).toContain("6690e6c9-3ef0-4ed3-8b37-7f3964730bee");
    for (const personal of ["Example Learner", "example.learner@adlnet.gov", "user@example.com", "Project Tin Can", "Andrew Downes", "Toby Nichols", "Ena Hills", "Joe Schmoe", "joe@example.com", "teampb@example.com", "Awa Diop", "13936749", "toby.openid"]) {
      expect(text).not.toContain(personal);
    }
  });

  it("fails a file that is not UTF-8 without quoting the line, which may hold an e-mail", async () => {
    const file = join(t.dir, "latin1.ndjson");
    writeFileSync(file, Buffer.concat([Buffer.from('{"id":"x","actor":{"mbox":"mailto:jos'), Buffer.from([0xe9]), Buffer.from('@example.sn"}}\n')]));
    const [result] = await importXapiFiles(t.ctx, [file], { country: "SN" });
    expect(result!.status).toBe("failed");
    expect(result!.message).toMatch(/^xAPI statements file latin1\.ndjson: it is not UTF-8 \(probably Latin-1 or Windows-1252\)/);
    expect(await allText(t.ctx)).not.toMatch(/example\.sn/);
  });

  it("writes nothing on a dry run but reports what would be rejected", async () => {
    const dry = await openTestWarehouse({ dryRun: true });
    try {
      const file = writeNdjson(join(dry.dir, "dry.ndjson"), [statement("a2000000-0000-4000-8000-000000000001"), "{"]);
      const [result] = await importXapiFiles(dry.ctx, [file], {});
      expect(result!.rejects).toMatchObject([{ location: "dry.ndjson:2", column: null }]);
      expect(await count(dry.ctx, "core.usage_events")).toBe(0);
      expect(await count(dry.ctx, "ops.loads")).toBe(0);
    } finally {
      dry.close();
    }
  });
});

describe("runXapiFiles(ctx, source)", () => {
  it("loads every .json and .ndjson file of the folder, one batch each, in name order", async () => {
    const folder = join(t.dir, "data/xapi");
    mkdirSync(folder, { recursive: true });
    writeNdjson(join(folder, "statements-2026-02.ndjson"), [statement("a3000000-0000-4000-8000-000000000002")]);
    writeFileSync(join(folder, "statements-2026-01.json"), JSON.stringify([statement("a3000000-0000-4000-8000-000000000001")]));
    writeFileSync(join(folder, "notes.txt"), "not statements");
    const results = await runXapiFiles(t.ctx, {
      kind: "xapi-files",
      name: "regional-platform",
      path: "data/xapi",
      country: [{ from: "extension", key: "https://imaginecole.org/xapi/extensions/country" }],
    });
    expect(results.map((r) => r.status)).toEqual(["loaded", "loaded"]);
    const locations = await t.ctx.warehouse.all<{ location: string }>("SELECT location FROM ops.loads ORDER BY started_at");
    expect(locations.map((l) => l.location)).toEqual(["data/xapi/statements-2026-01.json", "data/xapi/statements-2026-02.ndjson"]);
  });
});
