import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { importMoodleLogs, runMoodleLogFiles } from "../../../src/sources/moodle-log/index.ts";
import { allText, count, openTestWarehouse, type TestWarehouse } from "../xapi/helpers.ts";

const MOODLE = join(import.meta.dirname, "../../fixtures/real/moodle");
const BOM = "\uFEFF";
/** The three data rows of the real third-party sample (names already replaced there). */
const SAMPLE_ROWS = readFileSync(join(MOODLE, "logs_sample_en_thirdparty_fixture.csv"), "utf8").trimEnd().split("\n").slice(1);
const headerOf = (file: string) => readFileSync(join(MOODLE, file), "utf8").trimEnd();

const FR_2024 = headerOf("logs_header_fr_2024plus_RECONSTRUCTED.csv");
const VARIANTS: Record<string, string> = {
  "English (current)": headerOf("logs_header_en_RECONSTRUCTED.csv"),
  "French 2024+ (curly apostrophes)": FR_2024,
  "French 2022-2023 (straight apostrophes)": headerOf("logs_header_fr_2022-2023_RECONSTRUCTED.csv"),
  "French up to 2021 (Nom complet, Utilisateur touché)": `${BOM}Heure,"Nom complet","Utilisateur touché","Contexte de l'événement",Composant,"Nom de l'événement",Description,Origine,"Adresse IP"`,
};

let t: TestWarehouse;
beforeEach(async () => (t = await openTestWarehouse()));
afterEach(() => t.close());

function write(name: string, header: string, rows: string[]): string {
  const path = join(t.dir, name);
  writeFileSync(path, [header, ...rows].join("\n") + "\n");
  return path;
}

describe("importMoodleLogs(ctx, files, {country, timezone})", () => {
  for (const [variant, header] of Object.entries(VARIANTS)) {
    it(`loads a download with the ${variant} header`, async () => {
      const file = write("logs_20260910-0800.csv", header, SAMPLE_ROWS);
      const [result] = await importMoodleLogs(t.ctx, [file], { country: "SN", timezone: "Africa/Dakar" });
      expect(result).toMatchObject({ status: "loaded", rowsRead: 3, rowsLoaded: 3, rowsRejected: 0 });
      expect(await count(t.ctx, "core.usage_events", "country_code = 'SN' AND source = 'moodle-log'")).toBe(3);
      expect(Number(await t.ctx.warehouse.scalar("SELECT count(DISTINCT actor_key) FROM core.usage_events"))).toBe(2);
    });
  }

  it("loads the old download with a leading Cours column and French month names", async () => {
    const rows = [
      `"Cours: Français CM1","7 sept. 26, 21:40:58","Apprenant Un",-,"Page: FAQ",Page,"Module de cours consulté","The user with id '1046' viewed the 'page' activity with course module id '643'.",web,172.18.0.1`,
    ];
    const file = write("logs_old.csv", `${BOM}Cours,${VARIANTS["French 2022-2023 (straight apostrophes)"]!.slice(1)}`, rows);
    const [result] = await importMoodleLogs(t.ctx, [file], { country: "SN", timezone: "Africa/Dakar" });
    expect(result).toMatchObject({ status: "loaded", rowsLoaded: 1 });
    const event = await t.ctx.warehouse.one<{ verb: string; object_id: string }>("SELECT verb, object_id FROM core.usage_events");
    expect(event).toEqual({ verb: "http://id.tincanapi.com/verb/viewed", object_id: "moodle:sn:cm:643" });
  });

  it("reads the time in the configured time zone", async () => {
    const file = write("logs.csv", FR_2024, SAMPLE_ROWS.slice(0, 1));
    await importMoodleLogs(t.ctx, [file], { country: "CM", timezone: "Africa/Douala" });
    const at = await t.ctx.warehouse.scalar("SELECT strftime(occurred_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S') FROM core.usage_events");
    expect(at).toBe("2026-09-07 20:40:58");
  });

  it("keeps no name, IP address or user id from the file anywhere in the warehouse", async () => {
    const file = write("logs.csv", FR_2024, SAMPLE_ROWS);
    await importMoodleLogs(t.ctx, [file], { country: "SN", timezone: "Africa/Dakar" });
    const text = await allText(t.ctx);
    expect(text).toContain("moodle:sn:cm:643");
    for (const personal of ["Apprenant Un", "Apprenant Deux", "Apprenant", "172.18.0.1", "moodle:sn:1046", "moodle:sn:982"]) {
      expect(text).not.toContain(personal);
    }
  });

  it("never duplicates a row imported again in an overlapping download", async () => {
    const first = write("logs_a.csv", FR_2024, SAMPLE_ROWS.slice(0, 2));
    const second = write("logs_b.csv", VARIANTS["English (current)"]!, SAMPLE_ROWS);
    const [a, b] = await importMoodleLogs(t.ctx, [first, second], { country: "SN", timezone: "Africa/Dakar" });
    expect(a!.rowsLoaded).toBe(2);
    expect(b).toMatchObject({ rowsRead: 3, rowsLoaded: 1 });
    expect(await count(t.ctx, "core.usage_events")).toBe(3);
  });

  it("counts once a row downloaded both from the French and the English interface", async () => {
    const english = write("logs_en.csv", VARIANTS["English (current)"]!, SAMPLE_ROWS.slice(0, 1));
    const french = write("logs_fr.csv", FR_2024, [
      `"7 sept. 26, 21:40:58","Apprenant Un",-,"Page : FAQ",Page,"Module de cours consulté","The user with id '1046' viewed the 'page' activity with course module id '643'.",web,172.18.0.1`,
    ]);
    const [, fr] = await importMoodleLogs(t.ctx, [english, french], { country: "SN", timezone: "Africa/Dakar" });
    expect(fr).toMatchObject({ rowsRead: 1, rowsLoaded: 0 });
    expect(await count(t.ctx, "core.usage_events")).toBe(1);
  });

  it("rejects rows with an unreadable time, a time without year or no user, naming row and column", async () => {
    const file = write("logs.csv", FR_2024, [
      SAMPLE_ROWS[0]!,
      `"hier soir","Apprenant Un",-,"Page: FAQ",Page,"Module de cours consulté","The user with id '1046' viewed the 'page' activity with course module id '643'.",web,172.18.0.1`,
      `"7 sept., 21:40","Apprenant Un",-,"Page: FAQ",Page,"Module de cours consulté","The user with id '1046' viewed the 'page' activity with course module id '643'.",web,172.18.0.1`,
      `"7/09/26, 21:40:58",-,-,Système,Système,"Tâche planifiée","Scheduled task completed.",cli,`,
      `"7/09/26, 21:41:00",-,-,"Page: FAQ",Page,"Module de cours consulté","The user with id '0' viewed the 'page' activity with course module id '643'.",web,10.0.0.1`,
    ]);
    const [result] = await importMoodleLogs(t.ctx, [file], { country: "SN", timezone: "Africa/Dakar" });
    expect(result).toMatchObject({ status: "loaded_with_rejects", rowsRead: 5, rowsLoaded: 1, rowsRejected: 3 });
    const rejects = await t.ctx.warehouse.all<{ location: string; column: string; value: string | null; reason_en: string }>(
      'SELECT location, "column", value, reason_en FROM ops.rejects ORDER BY location',
    );
    expect(rejects.map((r) => [r.location, r.column, r.value])).toEqual([
      ["logs.csv:3", "Heure", "hier soir"],
      ["logs.csv:4", "Heure", "7 sept., 21:40"],
      ["logs.csv:5", "Description", null],
    ]);
    expect(rejects[1]!.reason_en).toMatch(/not guessed/);
  });

  it("skips rows that are no one's learning activity, counting them by reason, and keeps completions on their module", async () => {
    const row = (time: string, description: string, origin = "web") =>
      `"${time}","Apprenant Un",-,"Page: FAQ",Page,"Event","${description}",${origin},172.18.0.1`;
    const file = write("logs.csv", VARIANTS["English (current)"]!, [
      row("7/09/26, 21:40:58", "The user with id '1046' updated the completion state for the course module with id '650' for the user with id '1046'."),
      row("7/09/26, 21:41:00", "The user with id '1046' has started the attempt with id '88' for the quiz with the course module id '701'."),
      row("2026-09-07 21:42:00", "The user with id '1046' viewed the course with id '12'."),
      row("7/09/26, 21:43:00", "Login failed for the username 'awa' for the reason with id '3'."),
      row("7/09/26, 21:43:01", "Login failed for the username 'awa' for the reason with id '3'."),
      row("7/09/26, 21:44:00", "The web service function 'core_course_get_contents' has been called.", "ws"),
      row("7/09/26, 21:45:00", "The user with id '0' viewed the course with id '1'."),
      row("7/09/26, 21:46:00", "The user with id '1' viewed the course with id '12'."),
      row("7/09/26, 21:47:00", "The user with id '2' has logged in as the user with id '1046'."),
    ]);
    const [result] = await importMoodleLogs(t.ctx, [file], { country: "SN", timezone: "Africa/Dakar" });
    expect(result).toMatchObject({ status: "loaded", rowsRead: 9, rowsLoaded: 3, rowsRejected: 0 });
    expect(result!.skippedRows).toEqual({ failed_login: 2, web_service: 1, not_signed_in: 1, guest: 1, logged_in_as: 1 });
    expect(t.logs.at(-1)).toBe(
      "logs.csv: 9 read, 3 new, 0 rejected, 6 skipped as no one's learning activity (2 failed logins, 1 web-service call, 1 visitor not signed in, 1 guest access, 1 \"logged in as\").",
    );
    const events = await t.ctx.warehouse.all<{ verb: string; object_id: string }>("SELECT verb, object_id FROM core.usage_events ORDER BY occurred_at");
    expect(events).toEqual([
      { verb: "https://imaginecole.org/xapi/verbs/moodle/completion-updated", object_id: "moodle:sn:cm:650" },
      { verb: "http://adlnet.gov/expapi/verbs/attempted", object_id: "moodle:sn:cm:701" },
      { verb: "http://id.tincanapi.com/verb/viewed", object_id: "moodle:sn:course:12" },
    ]);
    expect(await count(t.ctx, "ops.rejects")).toBe(0);
  });

  it("accepts a download re-saved by French Excel (Windows-1252, semicolons)", async () => {
    const text = [
      `Heure;Nom complet de l'utilisateur;Utilisateur concerné;Contexte de l'événement;Composant;Nom de l'événement;Description;Origine;Adresse IP`,
      `7/09/26, 21:40:58;Apprenant Un;-;Page: FAQ;Page;Module de cours consulté;The user with id '1046' viewed the 'page' activity with course module id '643'.;web;172.18.0.1`,
    ].join("\r\n");
    const file = join(t.dir, "excel.csv");
    writeFileSync(file, iconv.encode(text, "win1252"));
    const [result] = await importMoodleLogs(t.ctx, [file], { country: "SN", timezone: "Africa/Dakar" });
    expect(result).toMatchObject({ status: "loaded", rowsLoaded: 1 });
  });

  it("fails a file that is not a Moodle logs download, saying which columns are missing", async () => {
    const file = write("other.csv", "Date,Utilisateurs actifs", ["2026-09-01,12"]);
    const [result] = await importMoodleLogs(t.ctx, [file], { country: "SN", timezone: "Africa/Dakar" });
    expect(result!.status).toBe("failed");
    expect(result!.message).toMatch(/missing columns: time, description/);
    expect(await count(t.ctx, "core.usage_events")).toBe(0);
  });

  it("refuses an unknown time zone or country before reading anything", async () => {
    const file = write("logs.csv", FR_2024, SAMPLE_ROWS);
    await expect(importMoodleLogs(t.ctx, [file], { country: "SN", timezone: "Africa/Atlantis" })).rejects.toThrow(/IANA/);
    await expect(importMoodleLogs(t.ctx, [file], { country: "Senegal", timezone: "Africa/Dakar" })).rejects.toThrow(/two-letter/);
    expect(await count(t.ctx, "ops.loads")).toBe(0);
  });
});

describe("runMoodleLogFiles(ctx, source)", () => {
  it("imports every .csv of the folder with the source's country and time zone", async () => {
    mkdirSync(join(t.dir, "moodle"));
    writeFileSync(join(t.dir, "moodle", "logs_1.csv"), [FR_2024, ...SAMPLE_ROWS].join("\n"));
    const results = await runMoodleLogFiles(t.ctx, { kind: "moodle-log-files", name: "moodle-ci", path: "moodle", country: "CI", timezone: "Africa/Abidjan" });
    expect(results).toMatchObject([{ status: "loaded", rowsLoaded: 3 }]);
    expect(await count(t.ctx, "ops.loads", "country_code = 'CI' AND location = 'moodle/logs_1.csv'")).toBe(1);
  });
});
