import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ImaginEcoleError } from "../../../src/core/errors.ts";
import { createKeyer } from "../../../src/privacy/keyed-hash.ts";
import { importXapiFiles } from "../../../src/sources/xapi/index.ts";
import { canonicalIdent } from "../../../src/sources/usage/identity.ts";
import { Warehouse } from "../../../src/warehouse/warehouse.ts";
import { count, openTestWarehouse, statement, voiding, writeNdjson, type TestWarehouse } from "./helpers.ts";

let t: TestWarehouse;
beforeEach(async () => (t = await openTestWarehouse()));
afterEach(() => t.close());

const rejects = (loadId: string) =>
  t.ctx.warehouse.all<{ location: string; column: string | null; value: string | null; reason_en: string; reason_fr: string }>(
    'SELECT location, "column", value, reason_en, reason_fr FROM ops.rejects WHERE load_id = $1 ORDER BY location',
    [loadId],
  );
const utc = (eventId: string) =>
  t.ctx.warehouse.scalar<string>(
    "SELECT strftime(occurred_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%f') FROM raw.xapi_statements WHERE event_id = $1",
    [eventId],
  );
const id = (n: number) => `a7000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const keyer = createKeyer("test-key");

describe("timestamps, as the spec's ISO 8601 profile writes them", () => {
  it("reads every allowed form, in UTC exactly", async () => {
    const forms: [string, string][] = [
      ["2026-03-01T10:00:00.000Z", "2026-03-01T10:00:00.000000"],
      ["2026-03-01T10:00:00Z", "2026-03-01T10:00:00.000000"],
      ["2026-03-01t10:00:00z", "2026-03-01T10:00:00.000000"],
      ["2026-03-01T10:00Z", "2026-03-01T10:00:00.000000"],
      ["2026-03-01T10Z", "2026-03-01T10:00:00.000000"],
      ["2026-03-01T10:00:00,25Z", "2026-03-01T10:00:00.250000"],
      ["2026-03-01T10:00:00.123456Z", "2026-03-01T10:00:00.123456"],
      ["2026-03-01T10:00:00.000+00:00", "2026-03-01T10:00:00.000000"],
      ["2026-03-01T11:00:00+01:00", "2026-03-01T10:00:00.000000"],
      ["2026-03-01T11:00:00+0100", "2026-03-01T10:00:00.000000"],
      ["2026-03-01T11:00:00.5+01", "2026-03-01T10:00:00.500000"],
      ["2026-03-01T05:00:00-05:00", "2026-03-01T10:00:00.000000"],
      ["2026-03-02T00:30:00+14:30", "2026-03-01T10:00:00.000000"],
      ["2026-03-01T10:00:00", "2026-03-01T10:00:00.000000"],
    ];
    const file = writeNdjson(join(t.dir, "forms.ndjson"), forms.map(([timestamp], i) => statement(id(i), { timestamp })));
    const [result] = await importXapiFiles(t.ctx, [file], { country: "SN" });
    expect(result).toMatchObject({ status: "loaded", rowsLoaded: forms.length, rowsRejected: 0 });
    for (const [i, [written, expected]] of forms.entries()) expect(await utc(id(i)), written).toBe(expected);
  });

  it("refuses each form it does not allow, and a time more than a day after it was stored or after today", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ timestamp: "2026-03-01T10:00:00-00:00" }, "timestamp"],
      [{ timestamp: "2026-03-01T10:00:00.601-00" }, "timestamp"],
      [{ timestamp: "2026-03-01T10:00:00-0000" }, "timestamp"],
      [{ timestamp: "2026-3-1T10:00:00Z" }, "timestamp"],
      [{ timestamp: "2026-03-01T10:00:00+25:00" }, "timestamp"],
      [{ timestamp: "2026-03-01 10:00:00Z" }, "timestamp"],
      [{ timestamp: " 2026-03-01T10:00:00Z" }, "timestamp"],
      [{ timestamp: "2026-03-01" }, "timestamp"],
      [{ timestamp: "2026-02-30T10:00:00Z" }, "timestamp"],
      [{ timestamp: "01/011/2015" }, "timestamp"],
      [{ timestamp: "2099-01-01T00:00:00Z" }, "timestamp"],
      [{ timestamp: "2026-03-05T10:00:00Z", stored: "2026-03-01T10:00:00Z" }, "timestamp"],
      [{ timestamp: "2026-03-01T10:00:00Z", stored: "2026-03-01T10:00:00-00:00" }, "stored"],
      [{ timestamp: undefined, stored: "2099-01-01T00:00:00Z" }, "stored"],
    ];
    const accepted = statement(id(99), { timestamp: "2026-03-01T20:00:00Z", stored: "2026-03-01T10:00:00Z" });
    const file = writeNdjson(join(t.dir, "bad.ndjson"), [...cases.map(([times], i) => statement(id(i), times)), accepted]);
    const [result] = await importXapiFiles(t.ctx, [file], { country: "SN" });
    expect(result).toMatchObject({ rowsLoaded: 1, rowsRejected: cases.length });
    const found = await rejects(result!.loadId);
    for (const [i, [times, column]] of cases.entries()) {
      const reject = found.find((r) => r.location === `bad.ndjson:${i + 1}`);
      expect(reject?.column, JSON.stringify(times)).toBe(column);
    }
    expect(found.find((r) => r.location === "bad.ndjson:11")!.reason_en).toMatch(/more than a day after .* or after today/);
    expect(found.find((r) => r.location === "bad.ndjson:1")).toMatchObject({ value: "2026-03-01T10:00:00-00:00" });
    expect(found.find((r) => r.location === "bad.ndjson:1")!.reason_en).toMatch(/-00:00, "unknown", is not allowed/);
    expect(await utc(id(99))).toBe("2026-03-01T20:00:00.000000");
  });
});

describe("identity, as xAPI defines it", () => {
  const account = (name: string, homePage = "https://sn.imaginecole.org") => ({ objectType: "Agent", account: { homePage, name } });
  const keyOf = (eventId: string) =>
    t.ctx.warehouse.scalar<string>("SELECT actor_key FROM raw.xapi_statements WHERE event_id = $1", [eventId]);

  it("tells account names apart by case, but not e-mails or home pages", async () => {
    const file = writeNdjson(join(t.dir, "people.ndjson"), [
      statement(id(1), { actor: account("AbC-12") }),
      statement(id(2), { actor: account("abc-12") }),
      statement(id(3), { actor: account("abc-12", "https://SN.ImaginEcole.org") }),
      statement(id(4), { actor: { mbox: "mailto:Awa.Diop@Example.sn" } }),
      statement(id(5), { actor: { mbox: "mailto:awa.diop@example.sn" } }),
    ]);
    const [result] = await importXapiFiles(t.ctx, [file], { country: "SN" });
    expect(result).toMatchObject({ status: "loaded", rowsLoaded: 5 });
    expect(await keyOf(id(1))).not.toBe(await keyOf(id(2)));
    expect(await keyOf(id(2))).toBe(await keyOf(id(3)));
    expect(await keyOf(id(4))).toBe(await keyOf(id(5)));
    expect(Number(await t.ctx.warehouse.scalar("SELECT count(DISTINCT actor_key) FROM core.usage_events"))).toBe(3);
    // A name without capitals keeps the key it always had.
    expect(await keyOf(id(2))).toBe(keyer("account:https://sn.imaginecole.org|abc-12"));
  });

  it("canonicalIdent(ident) keeps what case says in an account name, and nothing else", () => {
    expect(canonicalIdent("account:https://SN.imaginecole.org|abc-12")).toBe("account:https://sn.imaginecole.org|abc-12");
    expect(canonicalIdent("account:https://sn.imaginecole.org|AbC-12")).not.toBe(canonicalIdent("account:https://sn.imaginecole.org|abc-12"));
    expect(canonicalIdent("account:h|a^b")).not.toBe(canonicalIdent("account:h|a^5e;b"));
    expect(canonicalIdent("mbox:mailto:Awa@Example.sn")).toBe("mbox:mailto:awa@example.sn");
    expect(canonicalIdent('group:["mbox:mailto:b@x.sn","account:h|A"]')).toBe(canonicalIdent('group:["account:h|A","mbox:mailto:B@x.sn"]'));
  });

  it("compares statement ids without case: a copy in capitals is the same statement", async () => {
    const lower = "b7000000-0000-4000-8000-00000000000a";
    const [first] = await importXapiFiles(t.ctx, [writeNdjson(join(t.dir, "1.ndjson"), [statement(lower), statement(lower.toUpperCase())])], {
      country: "SN",
    });
    expect(first).toMatchObject({ status: "loaded", rowsRead: 2, rowsLoaded: 1 });
    const [again] = await importXapiFiles(t.ctx, [writeNdjson(join(t.dir, "2.ndjson"), [statement(lower.toUpperCase())])], { country: "SN" });
    expect(again).toMatchObject({ status: "loaded", rowsRead: 1, rowsLoaded: 0, rowsRejected: 0 });
    expect(await t.ctx.warehouse.all("SELECT event_id FROM core.usage_events")).toEqual([{ event_id: lower }]);
  });

  it("reports an id that comes back with other content, whether loaded before or earlier in the file", async () => {
    const first = id(10);
    await importXapiFiles(t.ctx, [writeNdjson(join(t.dir, "1.ndjson"), [statement(first)])], { country: "SN" });
    const other = { object: { objectType: "Activity", id: "https://imaginecole.org/resources/43" } };
    const [result] = await importXapiFiles(
      t.ctx,
      [writeNdjson(join(t.dir, "2.ndjson"), [statement(first.toUpperCase(), other), statement(id(11)), statement(id(11), other)])],
      { country: "SN" },
    );
    expect(result).toMatchObject({ status: "loaded_with_rejects", rowsRead: 3, rowsLoaded: 1, rowsRejected: 2 });
    expect((await rejects(result!.loadId)).map((r) => [r.location, r.column, r.value])).toEqual([
      ["2.ndjson:1", "id", first],
      ["2.ndjson:3", "id", id(11)],
    ]);
    const kept = await t.ctx.warehouse.all<{ object_id: string }>("SELECT object_id FROM core.usage_events ORDER BY event_id");
    expect(kept.map((k) => k.object_id)).toEqual(["https://imaginecole.org/resources/42", "https://imaginecole.org/resources/42"]);
  });

  it("a void finds its target whatever the case of either id, and whichever comes first", async () => {
    const [a, b] = ["c7000000-0000-4000-8000-00000000000a", "c7000000-0000-4000-8000-00000000000b"];
    await importXapiFiles(t.ctx, [writeNdjson(join(t.dir, "1.ndjson"), [statement(a), statement(b.toUpperCase())])], { country: "SN" });
    await importXapiFiles(
      t.ctx,
      [writeNdjson(join(t.dir, "2.ndjson"), [voiding(id(20), a.toUpperCase()), voiding(id(21), b)])],
      { country: "SN" },
    );
    expect(await count(t.ctx, "core.usage_events")).toBe(0);
    expect((await t.ctx.warehouse.all<{ event_id: string }>("SELECT event_id FROM core.voided_events ORDER BY 1")).map((v) => v.event_id)).toEqual([a, b]);
  });

  it("does not apply a voided verb whose object is not a statement", async () => {
    const target = id(30);
    const notAVoid = statement(id(31), { verb: { id: "http://adlnet.gov/expapi/verbs/voided" }, object: { objectType: "Activity", id: `urn:uuid:${target}` } });
    const [result] = await importXapiFiles(t.ctx, [writeNdjson(join(t.dir, "v.ndjson"), [statement(target), notAVoid])], { country: "SN" });
    expect(result).toMatchObject({ rowsLoaded: 1, rowsRejected: 1 });
    expect(await rejects(result!.loadId)).toMatchObject([{ location: "v.ndjson:2", column: "object.objectType" }]);
    expect(await count(t.ctx, "core.voided_events")).toBe(0);
  });
});

describe("objects of every type", () => {
  it("keeps an Activity's id, a statement referred to as urn:uuid, an agent as its key, a sub-statement's own object", async () => {
    const bob = { objectType: "Agent", mbox: "mailto:bob@example.sn" };
    const anonymous = (members: object[]) => ({ objectType: "Group", member: members });
    const file = writeNdjson(join(t.dir, "objects.ndjson"), [
      statement(id(1), { object: { objectType: "StatementRef", id: "D7000000-0000-4000-8000-00000000000A" } }),
      statement(id(2), { object: bob }),
      statement(id(3), { actor: bob }),
      statement(id(4), {
        object: {
          objectType: "SubStatement",
          actor: { objectType: "Agent", mbox: "mailto:awa@example.sn" },
          verb: { id: "http://adlnet.gov/expapi/verbs/completed", display: { "fr-FR": "a terminé" } },
          object: { objectType: "Activity", id: "https://imaginecole.org/resources/7" },
        },
      }),
      statement(id(5), { actor: anonymous([{ mbox: "mailto:awa@example.sn" }, { account: { homePage: "https://sn.imaginecole.org", name: "17" } }]) }),
      statement(id(6), { actor: anonymous([{ account: { homePage: "https://sn.imaginecole.org", name: "17" } }, { mbox: "mailto:AWA@example.sn" }]) }),
    ]);
    const [result] = await importXapiFiles(t.ctx, [file], { country: "SN" });
    expect(result).toMatchObject({ status: "loaded", rowsLoaded: 6 });
    const rows = await t.ctx.warehouse.all<{ object_id: string; actor_key: string }>(
      "SELECT object_id, actor_key FROM core.usage_events ORDER BY event_id",
    );
    expect(rows[0]!.object_id).toBe("urn:uuid:d7000000-0000-4000-8000-00000000000a");
    expect(rows[1]!.object_id).toBe(`agent:${rows[2]!.actor_key}`);
    expect(rows[3]!.object_id).toBe("https://imaginecole.org/resources/7");
    expect(rows[4]!.actor_key).toBe(rows[5]!.actor_key);
    expect(rows.map((r) => r.object_id).join(" ")).not.toMatch(/bob|awa/);
  });
});

describe("files the JSON reader cannot take", () => {
  it("refuses a UTF-16 file with a message about the xAPI file, not a CSV", async () => {
    const file = join(t.dir, "utf16.ndjson");
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(statement(id(1))) + "\n", "utf16le")]));
    const [result] = await importXapiFiles(t.ctx, [file], { country: "SN" });
    expect(result!.status).toBe("failed");
    expect(result!.message).toMatch(/^xAPI statements file utf16\.ndjson: it is encoded in UTF-16, but statement JSON must be UTF-8/);
    expect(result!.message).not.toMatch(/CSV/);
    expect(result!.error).toBeInstanceOf(ImaginEcoleError);
    expect((result!.error as ImaginEcoleError).text("fr")).toMatch(/^Fichier de déclarations xAPI utf16\.ndjson : il est encodé en UTF-16/);
  });
});

describe("migration 055: ids kept in lower case", () => {
  it("lowers ids loaded before in capitals, keeping one statement per id and one void per target", async () => {
    const path = join(t.dir, "old.duckdb");
    const old = await Warehouse.open(path);
    await old.run("DELETE FROM main.schema_migrations WHERE version = '055_xapi_ids_lower_case'");
    const row = (eventId: string, voided: string | null, load: string) =>
      `('${eventId}', TIMESTAMPTZ '2026-03-01 10:00:00+00', NULL, 'SN', 'k', 'v', 'o', ${voided ? `'${voided}'` : "NULL"}, 'xapi', '${load}')`;
    await old.run(
      `INSERT INTO raw.xapi_statements VALUES ${row("E7000000-0000-4000-8000-00000000000A", null, "l1")}, ${row("e7000000-0000-4000-8000-00000000000a", null, "l2")}, ${row("F7000000-0000-4000-8000-00000000000B", "E7000000-0000-4000-8000-00000000000C", "l1")}`,
    );
    await old.run("INSERT INTO core.voided_events VALUES ('E7000000-0000-4000-8000-00000000000C', 'F7000000-0000-4000-8000-00000000000B', 'l1')");
    old.close();
    const migrated = await Warehouse.open(path);
    try {
      expect(await migrated.all("SELECT event_id, voided_target, load_id FROM raw.xapi_statements ORDER BY event_id")).toEqual([
        { event_id: "e7000000-0000-4000-8000-00000000000a", voided_target: null, load_id: "l1" },
        { event_id: "f7000000-0000-4000-8000-00000000000b", voided_target: "e7000000-0000-4000-8000-00000000000c", load_id: "l1" },
      ]);
      expect(await migrated.all("SELECT event_id, voided_by FROM core.voided_events")).toEqual([
        { event_id: "e7000000-0000-4000-8000-00000000000c", voided_by: "f7000000-0000-4000-8000-00000000000b" },
      ]);
    } finally {
      migrated.close();
    }
  });
});
