// The snapshot as an IATI 2.03 activity file: one <result> per indicator, its baseline, and for each
// period of the snapshot's kind (months, quarters or years; quarters for a phase-to-date snapshot)
// the target and the actual value for all countries together, then per country (dimension
// `country`). Organisation identifiers and the activity id come from the configuration
// (src/config/iati.ts). Pure: the same tables give the same bytes.
import { isoDate } from "../core/format.ts";
import { otherLang, type Lang } from "../core/lang.ts";
import type { IatiSettings } from "../config/iati.ts";
import type { Row } from "./build.ts";
import type { Citation } from "./citation.ts";
import type { SnapshotScope } from "./scope.ts";

export interface IatiInput {
  settings: IatiSettings;
  lang: Lang;
  scope: SnapshotScope;
  citation: Citation;
  phase: { start: Date; end: Date } | null;
  /** When the figures were computed (the mart's build): the file's dates, so it does not change run to run. */
  produced: Date;
  /** Rows of the snapshot's all-periods table and of its definitions. */
  indicators: Row[];
  definitions: Row[];
}

/** IATI codes used (codelists ResultType, IndicatorMeasure, ActivityStatus, ActivityDateType, ActivityScope). */
const CODE = {
  output: "1",
  outcome: "2",
  unit: "1",
  percentage: "2",
  implementation: "2",
  actualStart: "2",
  plannedEnd: "3",
  multinational: "3",
  reportingOrganisation: "99",
} as const;

const PROGRAMME = {
  title: { fr: "ImaginEcole : enseignement à distance en Afrique de l'Ouest et du Centre", en: "ImaginEcole: distance learning in West and Central Africa" },
  description: {
    fr: "Initiative sous-régionale d'enseignement à distance (UNESCO Dakar et ses partenaires) : formation de formateurs et d'enseignants, ressources pédagogiques locales, plateformes régionale et nationales.",
    en: "Sub-regional distance-learning initiative (UNESCO Dakar and its partners): training of trainers and teachers, local learning resources, regional and national platforms.",
  },
  cumulative: { fr: "Cumul depuis le début de la phase.", en: "Running total since the start of the phase." },
} as const;

const esc = (text: unknown) =>
  String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

export function iatiXml(input: IatiInput): string {
  const { settings, lang } = input;
  const other = otherLang(lang);
  /** Narratives in the file's language, then the other one marked as such. */
  const narratives = (text: { fr: string; en: string }, indent: string) =>
    `${indent}<narrative>${esc(text[lang])}</narrative>\n${indent}<narrative xml:lang="${other}">${esc(text[other])}</narrative>\n`;
  const stamp = input.produced.toISOString().replace(/\.\d{3}Z$/, "Z");
  const periodType = input.scope.period === "phase" ? "quarter" : (input.indicators.find((r) => r.period === input.scope.period)?.period_type as string | undefined) ?? "quarter";
  const totals = input.indicators.filter((r) => r.disaggregation === "" && r.period_type === periodType);

  const orgs = settings.participatingOrgs ?? [{ ref: settings.reportingOrg.ref, role: "4" as const, type: settings.reportingOrg.type, name: settings.reportingOrg.name }];
  let xml = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- ${esc(input.citation.text[lang]).replace(/--/g, "- -")} -->\n`;
  xml += `<iati-activities version="2.03" generated-datetime="${stamp}">\n`;
  xml += `  <iati-activity last-updated-datetime="${stamp}" xml:lang="${lang}" hierarchy="1">\n`;
  xml += `    <iati-identifier>${esc(settings.activityId)}</iati-identifier>\n`;
  xml += `    <reporting-org ref="${esc(settings.reportingOrg.ref)}" type="${esc(settings.reportingOrg.type)}">\n      <narrative>${esc(settings.reportingOrg.name)}</narrative>\n    </reporting-org>\n`;
  xml += `    <title>\n${narratives(PROGRAMME.title, "      ")}    </title>\n`;
  xml += `    <description type="1">\n${narratives({ fr: `${PROGRAMME.description.fr} ${input.citation.text.fr}.`, en: `${PROGRAMME.description.en} ${input.citation.text.en}.` }, "      ")}    </description>\n`;
  for (const org of orgs) {
    const attrs = [org.ref ? `ref="${esc(org.ref)}"` : "", `role="${org.role}"`, org.type ? `type="${esc(org.type)}"` : ""].filter(Boolean).join(" ");
    xml += `    <participating-org ${attrs}>\n      <narrative>${esc(org.name)}</narrative>\n    </participating-org>\n`;
  }
  xml += `    <activity-status code="${CODE.implementation}"/>\n`;
  if (input.phase) {
    xml += `    <activity-date type="${CODE.actualStart}" iso-date="${isoDate(input.phase.start)}"/>\n`;
    xml += `    <activity-date type="${CODE.plannedEnd}" iso-date="${isoDate(input.phase.end)}"/>\n`;
  } else {
    xml += `    <activity-date type="${CODE.actualStart}" iso-date="${input.scope.asOf}"/>\n`;
  }
  xml += `    <activity-scope code="${CODE.multinational}"/>\n`;

  for (const d of input.definitions) {
    const id = String(d.indicator_id);
    const rows = totals.filter((r) => r.indicator_id === id);
    if (rows.length === 0) continue;
    const label = { fr: String(d.label_fr), en: String(d.label_en) };
    const cumulative = d.cumulative === true;
    const percent = d.unit === "percent";
    xml += `    <result type="${cumulative ? CODE.output : CODE.outcome}" aggregation-status="${percent ? 0 : 1}">\n`;
    xml += `      <title>\n${narratives(label, "        ")}      </title>\n`;
    xml += `      <indicator measure="${percent ? CODE.percentage : CODE.unit}" ascending="${d.ascending === false ? 0 : 1}" aggregation-status="${percent ? 0 : 1}">\n`;
    xml += `        <title>\n${narratives(label, "          ")}        </title>\n`;
    xml += `        <description>\n${narratives({ fr: String(d.definition_fr), en: String(d.definition_en) }, "          ")}        </description>\n`;
    xml += `        <reference vocabulary="${CODE.reportingOrganisation}" code="${esc(id)}"/>\n`;
    for (const b of baselines(rows)) {
      xml += `        <baseline year="${b.year}" value="${b.value}"${b.country ? `>\n          <dimension name="country" value="${esc(b.country)}"/>\n        </baseline>\n` : "/>\n"}`;
    }
    for (const period of periodsOf(rows)) {
      const here = rows.filter((r) => r.period === period);
      const first = here[0]!;
      xml += `        <period>\n`;
      xml += `          <period-start iso-date="${isoDate(first.period_start as Date)}"/>\n`;
      xml += `          <period-end iso-date="${isoDate(first.period_end as Date)}"/>\n`;
      for (const r of here) if (typeof r.target === "number") xml += measurement("target", r.target, r.country_code as string, null);
      for (const r of here) {
        const value = cumulative ? r.running_total : r.value;
        if (typeof value === "number") xml += measurement("actual", value, r.country_code as string, cumulative ? PROGRAMME.cumulative[lang] : null);
      }
      xml += `        </period>\n`;
    }
    xml += `      </indicator>\n    </result>\n`;
  }
  xml += `  </iati-activity>\n</iati-activities>\n`;
  return xml;
}

/** A target or an actual: all countries without a dimension, a country with one. */
function measurement(element: "target" | "actual", value: number, country: string, comment: string | null): string {
  const inner = [
    country === "ALL" ? "" : `            <dimension name="country" value="${esc(country)}"/>\n`,
    comment ? `            <comment>\n              <narrative>${esc(comment)}</narrative>\n            </comment>\n` : "",
  ].join("");
  return inner ? `          <${element} value="${value}">\n${inner}          </${element}>\n` : `          <${element} value="${value}"/>\n`;
}

/** The baselines the Cibles tab gives, all countries first. */
function baselines(rows: Row[]): Array<{ year: number; value: number; country: string | null }> {
  const seen = new Map<string, { year: number; value: number; country: string | null }>();
  for (const r of rows) {
    if (typeof r.baseline !== "number" || typeof r.baseline_year !== "number") continue;
    const country = r.country_code === "ALL" ? null : String(r.country_code);
    seen.set(country ?? "", { year: r.baseline_year, value: r.baseline, country });
  }
  return [...seen.values()].sort((a, b) => (a.country ?? "").localeCompare(b.country ?? ""));
}

function periodsOf(rows: Row[]): string[] {
  return [...new Set(rows.map((r) => String(r.period)))].sort();
}
