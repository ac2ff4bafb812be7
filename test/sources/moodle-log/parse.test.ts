import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { mapHeaders, normaliseHeader } from "../../../src/sources/moodle-log/headers.ts";
import { objectFor, parseDescription, verbFor } from "../../../src/sources/moodle-log/description.ts";
import { parseMoodleTime, zonedToUtc } from "../../../src/sources/moodle-log/time.ts";

const MOODLE = join(import.meta.dirname, "../../fixtures/real/moodle");

describe("mapHeaders(headers)", () => {
  for (const file of ["logs_header_en_RECONSTRUCTED.csv", "logs_header_fr_2022-2023_RECONSTRUCTED.csv", "logs_header_fr_2024plus_RECONSTRUCTED.csv"]) {
    it(`recognises every column of ${file}`, () => {
      const [headers] = Papa.parse<string[]>(readFileSync(join(MOODLE, file), "utf8")).data;
      const map = mapHeaders(headers!);
      expect(map.missing).toEqual([]);
      expect(Object.keys(map.index).sort()).toEqual(
        ["affected", "component", "context", "description", "eventname", "fullname", "ip", "origin", "time"],
      );
    });
  }

  it("recognises every French wording in the language pack history, straight or curly apostrophe", () => {
    const { data } = Papa.parse<Record<string, string>>(readFileSync(join(MOODLE, "moodle_fr_header_strings_history.csv"), "utf8"), {
      header: true,
      skipEmptyLines: true,
    });
    const headerIds = ["time", "fullnameuser", "eventrelatedfullnameuser", "eventcontext", "eventcomponent", "eventname", "description", "eventorigin", "ip_address", "course"];
    const wordings = data.filter((r) => headerIds.includes(r.string_id!)).flatMap((r) => [r.fr_value!, r.en_current!]);
    expect(wordings.length).toBeGreaterThan(15);
    for (const wording of wordings) expect(Object.keys(mapHeaders([wording]).index), wording).toHaveLength(1);
  });

  it("normaliseHeader(header) drops the BOM, accents, case and apostrophe style", () => {
    expect(normaliseHeader("\uFEFFNom de l\u2019\u00e9v\u00e9nement ")).toBe("nom de l'evenement");
  });

  it("reports the columns a download must have", () => {
    expect(mapHeaders(["Date", "Utilisateur"]).missing).toEqual(["time", "description"]);
  });
});

describe("parseMoodleTime(text)", () => {
  it("reads the English pattern, day without leading zero", () => {
    expect(parseMoodleTime("7/09/26, 21:40:58")).toEqual({ year: 2026, month: 9, day: 7, hour: 21, minute: 40, second: 58 });
  });

  it("reads the French pattern with abbreviated month names, with or without accent and dot", () => {
    expect(parseMoodleTime("7 sept. 26, 21:40:58")).toMatchObject({ year: 2026, month: 9, day: 7 });
    expect(parseMoodleTime("15 févr. 25, 08:05:00")).toMatchObject({ month: 2, day: 15, hour: 8 });
    expect(parseMoodleTime("1 août 24, 00:00:01")).toMatchObject({ year: 2024, month: 8 });
    expect(parseMoodleTime("3 dec 25, 10:00:00")).toMatchObject({ month: 12 });
  });

  it("reads ISO times, as a spreadsheet re-saves them", () => {
    expect(parseMoodleTime("2026-11-01 09:30:00")).toEqual({ year: 2026, month: 11, day: 1, hour: 9, minute: 30, second: 0 });
    expect(parseMoodleTime("2026-11-01T09:30")).toEqual({ year: 2026, month: 11, day: 1, hour: 9, minute: 30, second: 0 });
    expect(parseMoodleTime("2026-02-30 09:30:00")).toBeNull();
  });

  it("refuses to guess the year of the oldest pattern, and rejects impossible dates", () => {
    expect(parseMoodleTime("7 sept., 21:40")).toBe("no-year");
    expect(parseMoodleTime("31/02/26, 10:00:00")).toBeNull();
    expect(parseMoodleTime("hier")).toBeNull();
  });
});

describe("zonedToUtc(wall, zone)", () => {
  const wall = { year: 2026, month: 9, day: 7, hour: 21, minute: 40, second: 58 };
  it("reads the wall time in the exporting site's zone", () => {
    expect(zonedToUtc(wall, "Africa/Abidjan").toISOString()).toBe("2026-09-07T21:40:58.000Z");
    expect(zonedToUtc(wall, "Africa/Douala").toISOString()).toBe("2026-09-07T20:40:58.000Z");
    expect(zonedToUtc(wall, "Africa/Ndjamena").toISOString()).toBe("2026-09-07T20:40:58.000Z");
  });
  it("handles a zone with daylight saving time", () => {
    expect(zonedToUtc({ ...wall, month: 1 }, "Europe/Paris").toISOString()).toBe("2026-01-07T20:40:58.000Z");
    expect(zonedToUtc(wall, "Europe/Paris").toISOString()).toBe("2026-09-07T19:40:58.000Z");
  });
});

describe("parseDescription(description)", () => {
  it("finds the user, the action and the course module in the real sample descriptions", () => {
    expect(parseDescription("The user with id '1046' viewed the 'page' activity with course module id '643'.")).toEqual({
      userId: "1046", action: "viewed", courseModuleId: "643", courseId: null,
    });
    expect(parseDescription("The user with the id '982' send a tracking statement for a H5P activity with the course module id '650'.")).toMatchObject({
      userId: "982", action: "send", courseModuleId: "650",
    });
    expect(parseDescription("The user with id '982' has submitted the submission with id '1961' for the assignment with course module id '660'.")).toMatchObject({
      userId: "982", action: "submitted", courseModuleId: "660",
    });
    expect(parseDescription("The user with id '5' has logged in.")).toMatchObject({ action: "logged in" });
  });

  it("reads the descriptions of Moodle's own event classes: quiz attempts, completion, course viewed, logins", () => {
    const read = (d: string) => parseDescription(d);
    expect(read("The user with id '1046' has started the attempt with id '88' for the quiz with the course module id '701'.")).toEqual({
      userId: "1046", action: "started", courseModuleId: "701", courseId: null,
    });
    expect(read("The user with id '1046' has submitted the attempt with id '88' for the quiz with the course module id '701'.")).toMatchObject({
      action: "submitted", courseModuleId: "701",
    });
    expect(read("The user with id '7' has viewed the attempt with id '88' belonging to the user with id '1046' for the quiz with course module id '701'.")).toMatchObject({
      userId: "7", action: "viewed", courseModuleId: "701",
    });
    expect(read("The user with id '1046' updated the completion state for the course module with id '650' for the user with id '1046'.")).toEqual({
      userId: "1046", action: "completion updated", courseModuleId: "650", courseId: null,
    });
    expect(read("The user with id '7' overrode the completion state to '1' for the course module with id '650' for the user with id '1046'.")).toMatchObject({
      userId: "7", action: "completion updated", courseModuleId: "650",
    });
    expect(read("The user with id '1046' viewed the course with id '12'.")).toMatchObject({ action: "viewed", courseModuleId: null, courseId: "12" });
    expect(read("The user with id '1046' viewed the section number '2' of the course with id '12'.")).toMatchObject({ courseId: "12" });
    expect(read("The user with the id '1046' has logged in.")).toMatchObject({ userId: "1046", action: "logged in" });
    expect(read("The user with id '1046' has logged out.")).toMatchObject({ action: "logged out" });
    expect(verbFor("completion updated")).toBe("https://imaginecole.org/xapi/verbs/moodle/completion-updated");
  });

  it("says which rows are no one's learning activity", () => {
    expect(parseDescription("Login failed for the username 'awa' for the reason with id '3'.")).toEqual({ skip: "failed_login" });
    expect(parseDescription("The web service function 'core_course_get_contents' has been called.")).toEqual({ skip: "web_service" });
    expect(parseDescription('Web service authentication failed with code: "invalidtoken".')).toEqual({ skip: "web_service" });
    expect(parseDescription("The user with id '2' has logged in as the user with id '1046'.")).toEqual({ skip: "logged_in_as" });
    expect(parseDescription("The user with id '0' viewed the course with id '1'.")).toEqual({ skip: "not_signed_in" });
    expect(parseDescription("The user with id '1' viewed the course with id '12'.")).toEqual({ skip: "guest" });
  });

  it("returns null when no user is named", () => {
    expect(parseDescription("Cron job completed.")).toBeNull();
  });

  it("verbFor(action) and objectFor(site, facts) give stable IRIs", () => {
    expect(verbFor("viewed")).toBe("http://id.tincanapi.com/verb/viewed");
    expect(verbFor("graded")).toBe("https://imaginecole.org/xapi/verbs/moodle/graded");
    expect(objectFor("sn", { userId: "1", action: "viewed", courseModuleId: null, courseId: "12" })).toBe("moodle:sn:course:12");
  });
});
