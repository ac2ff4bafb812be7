import { describe, expect, it } from "vitest";
import { contractFor } from "../../../src/sources/sheets/contracts.ts";
import { confirmedWarnings, controlsRows, WARNINGS_HEADER } from "../../../src/sources/sheets/controls.ts";
import { plausibilityWarnings, type CheckedTab } from "../../../src/sources/sheets/plausibility.ts";
import { loadPlausibility } from "../../../src/sources/sheets/plausibility-config.ts";
import { ROOT } from "./helpers.ts";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const RULES = loadPlausibility(ROOT);
const sessions = (records: CheckedTab["records"]): CheckedTab => ({
  scope: "GN", contract: contractFor("sessions"), title: "Sessions", records, rowNumbers: records.map((_, i) => i + 2),
  columns: new Map([["session_id", 0], ["teachers_trained_f", 7], ["teachers_trained_m", 8], ["teachers_trained_total", 9]]),
});
const session = (id: string, start: string, end: string, f: number, m: number, total: number | null = null) =>
  ({ session_id: id, start_date: start, end_date: end, teachers_trained_f: f, teachers_trained_m: m, teachers_trained_total: total });

describe("plausibility rules (pipelines/plausibility.json)", () => {
  it("warns on a 2-day session with 550 teachers, and not on 40 teachers in one day", () => {
    const ids = (records: CheckedTab["records"]) => plausibilityWarnings(sessions(records), RULES, "2026-11-28").map((w) => w.warning_id);
    expect(ids([session("S-1", "2026-10-05", "2026-10-06", 300, 250)])).toEqual(["GN/participants_per_session/S-1", "GN/participants_per_day/S-1"]);
    expect(ids([session("S-1", "2026-10-05", "2026-10-05", 20, 20)])).toEqual([]);
  });

  it("warns when women + men differ from the stated total, naming the three numbers in both languages", () => {
    const [w] = plausibilityWarnings(sessions([session("S-2", "2026-03-02", "2026-03-04", 12, 9, 25)]), RULES, "2026-11-28");
    expect(w).toMatchObject({ warning_id: "GN/sex_sum/S-2", location: "Sessions!J2", rule_id: "sex_sum", evidence: { women: 12, men: 9, total: 25 } });
    expect(w!.message.fr).toMatch(/^Session « S-2 » : 12 femmes \+ 9 hommes = 21, mais le total indiqué est 25\. À faire : vérifiez la ligne/);
    expect(w!.message.en).toMatch(/^Session “S-2”: 12 women \+ 9 men = 21, but the stated total is 25\. To do: check the row/);
  });

  it("warns on an activity due further ahead than maxDays, and its fingerprint moves with the date only", () => {
    const rules = { date_far_ahead: { maxDays: 365 } };
    const tab = (due: string): CheckedTab => ({
      scope: "GN", contract: contractFor("activities"), title: "Activités", rowNumbers: [7],
      records: [{ activity_id: "A-9", due_date: due, status: "planned" }], columns: new Map([["activity_id", 0], ["due_date", 3]]),
    });
    expect(plausibilityWarnings(tab("2027-06-30"), rules, "2026-11-28")).toEqual([]);
    const [far] = plausibilityWarnings(tab("2027-12-30"), rules, "2026-11-28");
    expect(far).toMatchObject({ warning_id: "GN/date_far_ahead/A-9", location: "Activités!D7", row_number: 7 });
    expect(far!.message.fr).toMatch(/^« Échéance » au 30\/12\/2027 : 397 jours après aujourd'hui \(plus de 365\)\./);
    const [again] = plausibilityWarnings(tab("2027-12-30"), rules, "2026-11-28");
    expect(again!.fingerprint).toBe(far!.fingerprint);
    expect(plausibilityWarnings(tab("2027-12-31"), rules, "2026-11-28")[0]!.fingerprint).not.toBe(far!.fingerprint);
  });

  it("rejects a mistyped rule in the file, naming its JSON path", () => {
    const dir = mkdtempSync(join(tmpdir(), "plausibility-"));
    writeFileSync(join(dir, "p.json"), JSON.stringify({ rules: { participants_per_day: { maximum: 80 } } }));
    expect(() => loadPlausibility(dir, "p.json")).toThrow(/rules\.participants_per_day\.maximum/);
  });
});

describe("the warnings of the Contrôles tab", () => {
  const report = (lang: "fr" | "en") => controlsRows({
    lang, place: "Guinée", lastSync: null, tabs: [], warnings: [
      { warning_id: "GN/sex_sum/S-2", location: "Sessions!J2", message_fr: "Somme fausse. À faire : vérifiez.", message_en: "Wrong sum. To do: check." },
      { warning_id: "GN/monthly_jump/2026-10", location: "Sessions", message_fr: "Hausse. À faire : vérifiez.", message_en: "Rise. To do: check." },
    ], confirmed: 0, issues: [],
  });

  it("are written in the sheet's language, problem and what to do apart", () => {
    const en = report("en");
    const at = en.findIndex((row) => JSON.stringify(row) === JSON.stringify(WARNINGS_HEADER.en));
    expect(en[at + 1]).toEqual(["GN/sex_sum/S-2", "Sessions!J2", "Wrong sum.", "check.", ""]);
    expect(en[3]).toEqual(["Plausibility warnings", "2"]);
  });

  it("are read back as confirmed where the team typed a yes in Confirmé, in either language", () => {
    for (const lang of ["fr", "en"] as const) {
      const grid = report(lang).map((row) => [...row]);
      const at = grid.findIndex((row) => row[0] === "GN/monthly_jump/2026-10");
      grid[at]![4] = lang === "fr" ? "oui" : "Yes";
      expect(confirmedWarnings(grid)).toEqual(["GN/monthly_jump/2026-10"]);
    }
    expect(confirmedWarnings(report("fr"))).toEqual([]);
    expect(confirmedWarnings([["nothing here"]])).toEqual([]);
  });
});
