import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sniffEncoding, utf8CompleteLength, windows1252ToUtf8 } from "../../../src/sources/national-csv/encoding.ts";
import { detectDecimal, findLayout, splitRecords } from "../../../src/sources/national-csv/header.ts";
import { CANONICAL_PROFILE, normaliseHeader, parseProfile } from "../../../src/sources/national-csv/profile.ts";
import { lineOfRecord, RecordLines } from "../../../src/sources/national-csv/record-lines.ts";
import { summaryPattern } from "../../../src/sources/national-csv/load.ts";
import { sqlFile } from "../../../src/warehouse/sql-file.ts";
import { Warehouse } from "../../../src/warehouse/warehouse.ts";

describe("splitRecords(text, delimiter, max)", () => {
  it("keeps quoted delimiters and line breaks, unescapes doubled quotes, skips empty lines", () => {
    const text = 'a;"b;c"\r\n\r\n"say ""hi""\nthere";d\n;\n';
    expect(splitRecords(text, ";", 10)).toEqual([
      { fields: ["a", "b;c"], line: 1 },
      { fields: ['say "hi"\nthere', "d"], line: 3 },
      { fields: ["", ""], line: 5 },
    ]);
  });
  it("drops a last record cut by the end of the head when the head is not the whole file", () => {
    expect(splitRecords("a;b\nc;d", ";", 10, false)).toEqual([{ fields: ["a", "b"], line: 1 }]);
  });
});

describe("findLayout(head, complete, profile, file)", () => {
  it("finds the header under title lines and picks the delimiter that makes it match", () => {
    const head = "Statistiques de la plateforme\r\n\r\nJour;Utilisateurs actifs;Taux\r\n01/03/2026;12;4,5\r\n";
    const layout = findLayout(head, true, CANONICAL_PROFILE, "f.csv");
    expect(layout).toMatchObject({ delimiter: ";", headerRecord: 1, headerLine: 3, columns: { date: 0, active_users: 1 }, decimal: "," });
  });
  it("reads a `,` file with decimal points as decimal point, and mm/dd/yyyy when a day above 12 says so", () => {
    const head = 'date,active_users,ratio\n03/13/2026,12,"1,204.5"\n';
    expect(findLayout(head, true, CANONICAL_PROFILE, "f.csv")).toMatchObject({ delimiter: ",", decimal: ".", dayFirst: false });
  });
  it("matches headers whatever their case, accents, spaces or underscores", () => {
    expect(normaliseHeader("  TELECHARGEMENTS ")).toBe(normaliseHeader("Téléchargements"));
    expect(normaliseHeader("Active_Users")).toBe(normaliseHeader("active users"));
    expect(normaliseHeader("Nombre d’utilisateurs")).toBe("nombre d'utilisateurs");
  });
  it("tells the decimal comma from thousands separators", () => {
    const records = (rows: string[][]) => rows.map((fields, i) => ({ fields, line: i + 2 }));
    expect(detectDecimal(records([["x", "1.234,5"]]), 0, ",")).toBe(",");
    expect(detectDecimal(records([["x", "1,234.5"]]), 0, ";")).toBe(".");
    expect(detectDecimal(records([["x", "1234"]]), 0, ";")).toBe(",");
    expect(detectDecimal(records([["x", "1234"]]), 0, ",")).toBe(".");
  });
});

describe("RecordLines", () => {
  const text = '\r\nh1;h2\r\n\r\na;"multi\r\nline"\r\n;;\r\n\r\nb;2\r\n"c""q";3';
  it("knows on which line each record starts, the way DuckDB counts records", () => {
    const lines = new RecordLines();
    lines.write(Buffer.from(text));
    expect(lines.records).toBe(5);
    expect(lines.quotedNewlines).toBe(true);
    expect([0, 1, 2, 3, 4].map((r) => lineOfRecord(lines.breaks, r))).toEqual([2, 4, 6, 8, 9]);
    expect(lines.unclosedQuoteLine()).toBeNull();
  });
  it("gives the same answer whatever the chunk boundaries", () => {
    const lines = new RecordLines();
    for (const byte of Buffer.from(text)) lines.write(Buffer.from([byte]));
    expect([0, 1, 2, 3, 4].map((r) => lineOfRecord(lines.breaks, r))).toEqual([2, 4, 6, 8, 9]);
  });
  it("reports the line of a quote left open", () => {
    const lines = new RecordLines();
    lines.write(Buffer.from('a;b\nc;"open\nd;e\n'));
    expect(lines.unclosedQuoteLine()).toBe(2);
  });
});

describe("encodings", () => {
  it("sniffEncoding tells BOMs, UTF-16 without BOM, binary and plain text apart", () => {
    expect(sniffEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41]), "auto")).toEqual({ kind: "text", sniffed: { encoding: "utf-8", bomLength: 3, certain: true } });
    expect(sniffEncoding(Buffer.from([0xff, 0xfe, 0x41, 0]), "auto")).toMatchObject({ sniffed: { encoding: "utf-16le", bomLength: 2 } });
    expect(sniffEncoding(Buffer.from([0xfe, 0xff, 0, 0x41]), "auto")).toMatchObject({ sniffed: { encoding: "utf-16be" } });
    expect(sniffEncoding(Buffer.from("Date;A\r\n", "utf16le"), "auto")).toMatchObject({ sniffed: { encoding: "utf-16le", bomLength: 0 } });
    expect(sniffEncoding(Buffer.from([0x50, 0x4b, 0x03, 0x04]), "auto")).toMatchObject({ kind: "binary" });
    expect(sniffEncoding(Buffer.from([0x41, 0x00, 0x00, 0x42, 0x43]), "auto")).toEqual({ kind: "binary", what: null });
    expect(sniffEncoding(Buffer.from("Date;A"), "auto")).toMatchObject({ sniffed: { encoding: "utf-8", certain: false } });
    expect(sniffEncoding(Buffer.from("Date;A"), "windows-1252")).toMatchObject({ sniffed: { encoding: "windows-1252", certain: true } });
  });
  it("windows1252ToUtf8 decodes € ’ Œ (0x80 0x92 0x8C) and é, and points at a byte Windows-1252 leaves undefined", () => {
    expect((windows1252ToUtf8(Buffer.from([0x80, 0x20, 0x92, 0x8c, 0xe9, 0xa0])) as Buffer).toString("utf8")).toBe("€ ’Œé\u00a0");
    expect(windows1252ToUtf8(Buffer.from([0x41, 0x42, 0x81]))).toBe(2);
  });
  it("utf8CompleteLength keeps a sequence cut at a chunk boundary for the next chunk", () => {
    const euro = Buffer.from("a€", "utf8");
    expect(utf8CompleteLength(euro.subarray(0, 3))).toBe(1);
    expect(utf8CompleteLength(euro)).toBe(4);
  });
});

describe("parseProfile(text, name)", () => {
  it("adds the canonical headers after the profile's own and fills the defaults", () => {
    const p = parseProfile(JSON.stringify({ platform: "P", columns: { date: "Période" } }), "XX.json");
    expect(p.columns.date).toEqual(["Période", "Date", "Jour", "day"]);
    expect(p).toMatchObject({ granularity: "auto", dateFormat: "auto", decimal: "auto", encoding: "auto", delimiter: "auto", timezone: "UTC", required: ["date", "active_users"] });
  });
  it.each([
    [{}, /"platform" must name the platform/],
    [{ platform: "P", colums: {} }, /unknown field "colums"/],
    [{ platform: "P", columns: { users: ["U"] } }, /unknown column "users"/],
    [{ platform: "P", dateFormat: "%d/%m/%Y" }, /"dateFormat" must be "auto", "dd\/mm\/yyyy"/],
    [{ platform: "P", timezone: "Africa/Nowhere" }, /unknown time zone "Africa\/Nowhere"/],
    [{ platform: "P", columns: { new_users: { headers: ["%"], percentOf: "platform" } } }, /percentOf" must name another count column/],
  ])("refuses %j with a message naming the field", (json, message) => {
    expect(() => parseProfile(JSON.stringify(json), "XX.json")).toThrow(message);
  });
});

describe("parsing macros (national_csv_macros.sql)", () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await Warehouse.open(":memory:");
    await wh.run(sqlFile(new URL("../../../src/sources/national-csv/load.ts", import.meta.url).href, "national_csv_macros.sql"));
  });
  afterAll(() => wh.close());
  const number = (s: string, sep: string) => wh.scalar("SELECT national_csv_number($s, $sep)", { s, sep });
  const dayOf = async (s: string, dayFirst = true) =>
    wh.scalar<string | null>("SELECT strftime(national_csv_day($s, $f, 'Africa/Dakar'), '%Y-%m-%d')", { s, f: dayFirst });
  const monthOf = (s: string) => wh.scalar<string | null>("SELECT strftime(national_csv_month_of(strip_accents(lower($s))), '%Y-%m-%d')", { s });

  it.each([
    ["1 234,5", ",", 1234.5],
    ["1\u00a0234,5", ",", 1234.5],
    ["1\u202f234\u202f567", ",", 1234567],
    ["1\u2009234", ".", 1234],
    ["1.234,5", ".", 1234.5],
    ["1,234.5", ",", 1234.5],
    ["1.234", ",", 1234],
    ["1,234", ".", 1234],
    ["12,5", ",", 12.5],
    ["12,5 %", ",", 12.5],
    ["12%", ".", 12],
    ["-7", ",", -7],
    ["n/d", ",", null],
    ["40 €", ",", null],
  ])("national_csv_number(%j, %j) = %j", async (s, sep, expected) => {
    expect(await number(s, sep)).toBe(expected);
  });

  it.each([
    ["05/01/2026", "2026-01-05"],
    ["5/1/2026", "2026-01-05"],
    ["2026-01-05", "2026-01-05"],
    ["2026/01/05", "2026-01-05"],
    ["05.01.2026", "2026-01-05"],
    ["05-01-26", "2026-01-05"],
    ["05/01/2026 00:00", "2026-01-05"],
    ["2026-01-05 13:45:00", "2026-01-05"],
    ["2026-01-05T23:30:00-02:00", "2026-01-06"],
    ["46027", "2026-01-05"],
    ["46027,75", "2026-01-05"],
    ["31/02/2026", null],
    ["mars 2026", null],
  ])("national_csv_day(%j) = %j", async (s, expected) => {
    expect(await dayOf(s)).toBe(expected);
  });

  it("national_csv_day reads n/n/yyyy month first when told", async () => {
    expect(await dayOf("01/05/2026", false)).toBe("2026-01-05");
  });

  it.each([
    ["janv. 2026", "2026-01-01"],
    ["Janvier 2026", "2026-01-01"],
    ["févr. 2026", "2026-02-01"],
    ["mars 2026", "2026-03-01"],
    ["avr. 2026", "2026-04-01"],
    ["mai 2026", "2026-05-01"],
    ["juin 2026", "2026-06-01"],
    ["juil. 2026", "2026-07-01"],
    ["août 2026", "2026-08-01"],
    ["sept. 2026", "2026-09-01"],
    ["oct. 2026", "2026-10-01"],
    ["nov. 2026", "2026-11-01"],
    ["déc. 2025", "2025-12-01"],
    ["March 2026", "2026-03-01"],
    ["janv.-26", "2026-01-01"],
    ["2026-03", "2026-03-01"],
    ["03/2026", "2026-03-01"],
    ["brumaire 2026", null],
  ])("national_csv_month_of(%j) = %j", async (s, expected) => {
    expect(await monthOf(s)).toBe(expected);
  });

  it("national_csv_is_summary recognises totals rows and not days", async () => {
    const pattern = summaryPattern(CANONICAL_PROFILE.summaryLabels);
    const is = (s: string) => wh.scalar("SELECT national_csv_is_summary($s, $p)", { s, p: pattern });
    expect(await is("Total général")).toBe(true);
    expect(await is("TOTAL")).toBe(true);
    expect(await is("Moyenne")).toBe(true);
    expect(await is("Sous-total mars")).toBe(true);
    expect(await is("Totalement faux")).toBe(false);
    expect(await is("05/01/2026")).toBe(false);
  });
});
