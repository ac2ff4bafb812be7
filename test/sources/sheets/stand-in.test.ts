import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RECORDED_BODIES, startSheetsApi, type SheetsApiStandIn } from "../../stand-ins/sheets-api.ts";

const FIXTURES = join(import.meta.dirname, "fixtures");
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), "utf8")).response_body;
const AUTH = { authorization: "Bearer a.e30.c" };

describe("startSheetsApi()", () => {
  let api: SheetsApiStandIn;
  beforeEach(async () => {
    api = await startSheetsApi();
    api.addSpreadsheet("book", "Livre", {
      Sheet1: [["A1", "B1", "", "D1"], ["1", "b2", "1.45"], [], ["A4", "0.4", "", "4"]],
      "Mon onglet": [],
    });
  });
  afterEach(() => api.close());

  const get = async (path: string) => {
    const res = await fetch(new URL(path, api.url), { headers: AUTH });
    return { status: res.status, type: res.headers.get("content-type"), body: res.headers.get("content-type")?.includes("json") ? await res.json() : await res.text() };
  };

  it("answers a whole-sheet read like the recording: ragged rows, [] for an empty row, range at grid size", async () => {
    const recorded = (JSON.parse(readFileSync(join(FIXTURES, "values_get_real.json"), "utf8")) as { response_body: unknown }[])[0]!.response_body;
    const { body } = await get("v4/spreadsheets/book/values/Sheet1");
    expect(body).toEqual({ ...(recorded as object), range: "Sheet1!A1:Z1000" });
  });

  it("omits the values key on an empty range, and quotes titles with spaces", async () => {
    const { body } = await get(`v4/spreadsheets/book/values/${encodeURIComponent("'Mon onglet'!A1:D4")}`);
    expect(body).toEqual({ range: "'Mon onglet'!A1:D4", majorDimension: "ROWS" });
  });

  it("answers batchGet in request order", async () => {
    const { body } = await get("v4/spreadsheets/book/values:batchGet?ranges=Sheet1!A:A&ranges=Sheet1!D1:D4");
    expect(body.valueRanges.map((v: { values?: unknown[] }) => v.values)).toEqual([[["A1"], ["1"], [], ["A4"]], [["D1"], [], [], ["4"]]]);
  });

  it("serves the recorded error bodies: 429 JSON, 429 HTML, 403, 404, 400 for an unknown tab", async () => {
    api.faults.push({ status: 429 }, { status: 429, body: "html" }, { status: 403 }, { status: 403, reason: "service_disabled" });
    expect(await get("v4/spreadsheets/book")).toMatchObject({ status: 429, body: fixture("error_429_resource_exhausted.json") });
    const html = await get("v4/spreadsheets/book");
    expect([html.status, html.type]).toEqual([429, "text/html; charset=UTF-8"]);
    expect(readFileSync(join(FIXTURES, "error_429_html_not_json_drive.html"), "utf8")).toContain(html.body.trim());
    expect(await get("v4/spreadsheets/book")).toMatchObject({ status: 403, body: fixture("error_403_permission_denied_gspread.json") });
    expect((await get("v4/spreadsheets/book")).body.error.details[0].reason).toBe("SERVICE_DISABLED");
    expect(await get("v4/spreadsheets/nope")).toMatchObject({ status: 404, body: fixture("error_404_not_found.json") });
    expect(await get(`v4/spreadsheets/book/values/${encodeURIComponent("NOPE!A5:F15")}`)).toMatchObject({ status: 400, body: fixture("error_400_invalid_range.json") });
    expect(RECORDED_BODIES.ERROR_403_DISABLED.error.details[0]!.reason).toBe("SERVICE_DISABLED");
  });

  it("answers 401 to a request without a bearer token", async () => {
    const res = await fetch(new URL("v4/spreadsheets/book", api.url));
    expect(res.status).toBe(401);
  });

  it("applies a batchUpdate all or nothing", async () => {
    const res = await fetch(new URL("v4/spreadsheets/book:batchUpdate", api.url), {
      method: "POST", headers: { ...AUTH, "content-type": "application/json" },
      body: JSON.stringify({ requests: [{ addSheet: { properties: { title: "Nouveau" } } }, { addSheet: { properties: { title: "Sheet1" } } }] }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBe('Invalid requests[1].addSheet: A sheet with the name "Sheet1" already exists. Please enter another name.');
    expect(api.spreadsheets.get("book")!.sheets.map((s) => s.properties.title)).toEqual(["Sheet1", "Mon onglet"]);
  });

  it("writes several ranges with values:batchUpdate", async () => {
    const res = await fetch(new URL("v4/spreadsheets/book/values:batchUpdate", api.url), {
      method: "POST", headers: { ...AUTH, "content-type": "application/json" },
      body: JSON.stringify({ valueInputOption: "RAW", data: [{ range: "'Mon onglet'!A1", values: [["x", "2"]] }, { range: "'Mon onglet'!B3", values: [["y"]] }] }),
    });
    expect(res.status).toBe(200);
    expect(api.tabValues("book", "Mon onglet")).toEqual([["x", "2"], [], ["", "y"]]);
  });

  it("appends after the last row and clears a range", async () => {
    const post = (path: string, body: unknown) => fetch(new URL(path, api.url), { method: "POST", headers: { ...AUTH, "content-type": "application/json" }, body: JSON.stringify(body) });
    await post(`v4/spreadsheets/book/values/${encodeURIComponent("Sheet1!A1")}:append?valueInputOption=USER_ENTERED`, { values: [["A5", "12,5", "03/11/2025"]] });
    expect(api.tabValues("book", "Sheet1")[4]).toEqual(["A5", 12.5, 45964]);
    await post(`v4/spreadsheets/book/values/${encodeURIComponent("Sheet1!A4:D5")}:clear`, {});
    expect(api.tabValues("book", "Sheet1")).toHaveLength(2);
  });
});
