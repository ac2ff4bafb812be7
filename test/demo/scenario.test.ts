import { readdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SCENARIO, generateDemo, type DemoManifest } from "../../src/demo/generate.ts";
import { COUNTRY_EXTENSION } from "../../src/demo/xapi.ts";
import { tempDir } from "../support/cli.ts";
import { parseCsv, readStatements, readText, readWorkbook } from "./read-inputs.ts";

const AS_OF = new Date("2026-11-28T00:00:00Z");
let out: string;
let manifest: DemoManifest;
/** Distinct actors per country and month, as the indicators will count them. */
const mau = new Map<string, number[]>();

beforeAll(async () => {
  out = tempDir("demo-scenario-");
  manifest = await generateDemo({ outDir: out, scale: 0.05, asOf: AS_OF });
  const actors = new Map<string, Set<string>[]>();
  manifest.months.forEach((month, m) => {
    for (const s of readStatements(out, `statements-${month}.ndjson`)) {
      const country = s.context?.extensions?.[COUNTRY_EXTENSION] ?? s.actor?.account?.homePage?.slice(8, 10).toUpperCase();
      const actor = s.actor?.mbox ?? s.actor?.account?.name;
      if (!country || !actor || s.verb?.id?.endsWith("/voided")) continue;
      const months = actors.get(country) ?? manifest.months.map(() => new Set<string>());
      months[m]!.add(actor);
      actors.set(country, months);
    }
  });
  for (const [country, months] of actors) mau.set(country, months.map((s) => s.size));
});

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

const PHASE_START = Date.parse(DEMO_SCENARIO.phase.start);
const PHASE_END = Date.parse(DEMO_SCENARIO.phase.end);
const WINDOW_END = Date.parse("2026-10-31");
const proRata = (target: number) => (target * (WINDOW_END - PHASE_START)) / (PHASE_END - PHASE_START);

/** End-of-phase targets from the regional Cibles tab, by country code and indicator label. */
function endTargets(): Map<string, number> {
  const names = new Map([
    ["Burkina Faso", "BF"], ["Niger", "NE"], ["Bénin", "BJ"], ["Guinée", "GN"], ["Cameroun", "CM"],
  ]);
  const rows = parseCsv(readText(join(out, "sheets/regional/ImaginEcole Cibles.csv"))).rows.slice(1);
  const targets = new Map<string, number>();
  for (const [country, indicator, value, deadline] of rows) {
    if (deadline !== "31/12/2027") continue;
    targets.set(`${names.get(country!) ?? country}/${indicator}`, Number(value!.replace(/[\s\u202f]/g, "")));
  }
  return targets;
}

function trainedBy(country: string, day: number): number {
  const rows = parseCsv(readText(join(out, `sheets/${country}/ImaginEcole ${country === "SN" ? "Sénégal" : "Niger"} - Formateurs.csv`))).rows;
  const date = rows[0]!.findIndex((h) => /date/i.test(h));
  return rows.slice(1).filter((r) => {
    const [d, m, y] = (r[date] ?? "").split("/");
    const iso = r[date]?.includes("-") ? r[date]! : `${y}-${m}-${d}`;
    return Date.parse(iso) <= day;
  }).length;
}

describe("DEMO_SCENARIO holds in the generated data", () => {
  it("countries ahead are above the pro-rata trajectory, lagging ones well below", () => {
    const targets = endTargets();
    const last = (c: string) => mau.get(c)!.at(-1)!;
    for (const c of DEMO_SCENARIO.ahead) expect(last(c), c).toBeGreaterThan(proRata(targets.get(`${c}/Utilisateurs actifs mensuels`)!));
    for (const c of DEMO_SCENARIO.lagging) expect(last(c), c).toBeLessThan(0.6 * proRata(targets.get(`${c}/Utilisateurs actifs mensuels`)!));
    expect(trainedBy("SN", WINDOW_END)).toBeGreaterThan(proRata(targets.get("SN/Formateurs formés")!));
    expect(trainedBy("NE", WINDOW_END)).toBeLessThan(0.6 * proRata(targets.get("NE/Formateurs formés")!));
  });

  it("use falls over the last three months in the falling country, and grows in the others", () => {
    const falling = mau.get(DEMO_SCENARIO.fallingUse)!.slice(-4);
    for (let i = 1; i < falling.length; i++) expect(falling[i]!).toBeLessThan(falling[i - 1]!);
    for (const c of DEMO_SCENARIO.ahead) expect(mau.get(c)!.at(-1)!).toBeGreaterThan(mau.get(c)![0]!);
  });

  it("the stale country's sheet has no row dated in the last two months of the window", () => {
    const folder = join(out, "sheets", DEMO_SCENARIO.staleSheet);
    const files = readdirSync(folder);
    expect(files.some((f) => f.includes("Validation"))).toBe(false);
    let dates = 0;
    for (const file of files) {
      for (const cell of parseCsv(readText(join(folder, file))).rows.slice(1).flat()) {
        const fr = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(cell);
        const iso = fr ? `${fr[3]}-${fr[2]}-${fr[1]}` : /^\d{4}-\d{2}-\d{2}$/.test(cell) ? cell : null;
        if (!iso) continue;
        dates++;
        expect(iso < "2026-09-01", `${file}: ${cell}`).toBe(true);
      }
    }
    expect(dates).toBeGreaterThan(50);
  });

  it("one country's national export is missing for one month, the others have all 18", () => {
    const { country } = DEMO_SCENARIO.missingNationalExport;
    expect(manifest.missingNational).toEqual([`${country}/2026-08`]);
    expect(readdirSync(join(out, "national", country))).toHaveLength(17);
    expect(readdirSync(join(out, "national", country)).some((f) => f.includes("2026-08"))).toBe(false);
    expect(readdirSync(join(out, "national", "SN"))).toHaveLength(18);
  });

  it("resources pile up in validation for more than 60 days in the backlog country", async () => {
    const code = DEMO_SCENARIO.validationBacklog;
    const file = manifest.files.find((f) => f.startsWith(`sheets/${code}/`))!;
    const { tabs } = await readWorkbook(join(out, file));
    const sheet = tabs.get("Ressources")!;
    const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? "").trim());
    const status = headers.indexOf("Status");
    const date = headers.indexOf("Date du statut");
    const limit = AS_OF.getTime() - 60 * 86_400_000;
    let old = 0;
    sheet.eachRow((row, n) => {
      const on = row.getCell(date).value;
      const when = on instanceof Date ? on.getTime() : Date.parse(String(on).split("/").reverse().join("-"));
      if (n > 1 && /^en validation$/i.test(String(row.getCell(status).value)) && when < limit) old++;
    });
    expect(old).toBeGreaterThanOrEqual(10);
  });

  it("most countries validate every month but the last; stale and lagging ones do not", () => {
    const validation = manifest.files.filter((f) => f.endsWith(" - Validation.csv")).map((f) => f.split("/")[1]);
    for (const c of DEMO_SCENARIO.noValidationTab) expect(validation).not.toContain(c);
    const sn = parseCsv(readText(join(out, "sheets/SN/ImaginEcole Sénégal - Validation.csv"))).rows;
    expect(sn[0]).toEqual(["Mois", "Validé par", "Date de validation"]);
    expect(sn.slice(1).map((r) => r[0])).toEqual(manifest.months.slice(0, -1).map((m) => `${m.slice(5)}/${m.slice(0, 4)}`));
  });
});
