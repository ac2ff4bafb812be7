import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { once } from "node:events";
import { join } from "node:path";
import { addDays, DAY_MS, frDay, isoInstant, offsetInstant, type Month } from "./calendar.ts";
import { actorPool } from "./actors.ts";
import { GRADES, TOPICS, utcOffset } from "./flavour.ts";
import { person, personalEmail } from "./people.ts";
import type { CountryPlan, DemoPlan } from "./plan.ts";
import { rngFor, type Rng } from "./random.ts";
import type { PublishedResource } from "./sheets-content.ts";

export const COUNTRY_EXTENSION = "https://imaginecole.org/xapi/extensions/country";
/** Usage statements at scale 1. */
export const BASE_STATEMENTS = 200_000;

export type BadStatementProblem = "missing-verb" | "bad-timestamp" | "unknown-country";

export interface XapiSummary {
  /** File names, in window order. */
  files: string[];
  lines: number;
  /** Distinct usage statements (not counting repeats, voiding statements or bad ones). */
  unique: number;
  duplicates: number;
  voids: { file: string; line: number; target: string; targetFile: string | null }[];
  bad: { file: string; line: number; problem: BadStatementProblem }[];
  /** Usage events left once duplicates are dropped and voided statements removed. */
  expectedEvents: number;
  personal: string[];
}

interface Entry {
  stored: number;
  line: string;
  void?: XapiSummary["voids"][number];
  bad?: BadStatementProblem;
}

const verb = (id: string, fr: string, en: string) => ({ id, display: { "fr-FR": fr, "en-US": en } });
const VERBS = [
  [verb("http://adlnet.gov/expapi/verbs/experienced", "a consulté", "experienced"), 50],
  [verb("http://id.tincanapi.com/verb/downloaded", "a téléchargé", "downloaded"), 20],
  [verb("http://adlnet.gov/expapi/verbs/attempted", "a tenté", "attempted"), 12],
  [verb("http://adlnet.gov/expapi/verbs/completed", "a terminé", "completed"), 12],
  [verb("http://adlnet.gov/expapi/verbs/answered", "a répondu", "answered"), 6],
] as const;
const VOIDED = verb("http://adlnet.gov/expapi/verbs/voided", "a annulé", "voided");
const ADMIN = { objectType: "Agent", name: "Administrateur ImaginEcole", mbox: "mailto:admin@imaginecole.org" };

/** Local hour of day -> relative activity: evenings are busiest (connectivity, after class). */
const HOURS = [0, 0, 0, 0, 0, 0, 1, 2, 4, 5, 5, 5, 3, 3, 4, 5, 5, 5, 6, 7, 7, 6, 3, 1];

function cumulative(weights: readonly number[]): number[] {
  let sum = 0;
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (sum += w) / total);
}
const HOUR_CDF = cumulative(HOURS);
const VERB_JSON = VERBS.map(([v]) => JSON.stringify(v));
const VERB_CDF = cumulative(VERBS.map(([, w]) => w));

function fromCdf(cdf: readonly number[], r: number): number {
  const i = cdf.findIndex((c) => r < c);
  return i < 0 ? cdf.length - 1 : i;
}

/** Splits `total` over the month's days, weekdays busier than weekends, exactly. */
export function perDay(total: number, month: Month): number[] {
  const weights = Array.from({ length: month.days }, (_, d) => {
    const weekday = addDays(month.start, d).getUTCDay();
    return weekday === 0 ? 0.5 : weekday === 6 ? 0.7 : 1;
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  const order = exact.map((v, i) => [v - Math.floor(v), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0, left = total - counts.reduce((a, b) => a + b, 0); k < left; k++) counts[order[k]![1]]! += 1;
  return counts;
}

/** Statements per country and month: proportional to active users, busier in countries ahead. */
export function statementCounts(plan: DemoPlan, scale: number): number[][] {
  const total = Math.round(BASE_STATEMENTS * scale);
  const intensity = (cp: CountryPlan) => (cp.story === "ahead" ? 1.25 : cp.story === "lagging" ? 0.8 : 1);
  const weight = plan.countries.map((cp) => cp.mau.map((mau) => mau * intensity(cp)));
  const sum = weight.flat().reduce((a, b) => a + b, 0);
  return weight.map((row, c) => row.map((w, m) => Math.max(plan.countries[c]!.mau[m]!, Math.round((total * w) / sum))));
}

function regionalResources(seed: number): string[] {
  const rng = rngFor(seed, "regional-resources");
  return Array.from({ length: 120 }, (_, i) => {
    const id = `REG-${String(i + 1).padStart(4, "0")}`;
    const discipline = rng.pick(Object.keys(TOPICS));
    const level = rng.pick(["Primaire", "Primaire", "Secondaire", "Préscolaire"] as const);
    const title = `${rng.pick(TOPICS[discipline] ?? ["Leçon"])} – ${rng.pick(GRADES[level])} (module régional)`;
    return activity(`https://imaginecole.org/ressources/regional/${id}`, title);
  });
}

function activity(id: string, title: string): string {
  return JSON.stringify({ objectType: "Activity", id, definition: { name: { "fr-FR": title }, type: "http://adlnet.gov/expapi/activities/media" } });
}

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, "drain");
}

/** Month by month, day by day: memory holds one day of statements, whatever the scale. */
export async function writeXapi(options: {
  dir: string;
  plan: DemoPlan;
  seed: number;
  scale: number;
  published: ReadonlyMap<string, readonly PublishedResource[]>;
  log: (message: string) => void;
}): Promise<XapiSummary> {
  const { dir, plan, seed } = options;
  const rng = rngFor(seed, "xapi");
  const counts = statementCounts(plan, options.scale);
  const regional = regionalResources(seed);
  const months = plan.months;

  const countries = plan.countries.map((cp) => {
    const pool = Math.ceil(Math.max(...cp.mau) * 1.5) + 10;
    const published = [...(options.published.get(cp.code) ?? [])].sort((a, b) => a.on.getTime() - b.on.getTime());
    return {
      cp,
      pool,
      churn: Math.max(1, Math.round(pool * 0.08)),
      actorAt: actorPool(seed, cp.code),
      published,
      local: new Map<string, string>(),
      localShare: cp.story === "ahead" ? 0.45 : cp.story === "lagging" ? 0.1 : 0.25,
      offset: utcOffset(cp.code),
      context: JSON.stringify({ platform: "ImaginEcole", language: "fr-FR", extensions: { [COUNTRY_EXTENSION]: cp.code } }),
      bare: JSON.stringify({ platform: "ImaginEcole", language: "fr-FR" }),
    };
  });
  const timestamp = (ms: number, offset: number): string => {
    const r = rng.next();
    if (r < 0.5) return isoInstant(ms);
    if (r < 0.75) return offsetInstant(ms, offset, r < 0.62);
    return `${isoInstant(ms).slice(0, 19)}Z`;
  };
  const moment = (dayStart: number, offset: number) => {
    const seconds = fromCdf(HOUR_CDF, rng.next()) * 3600 + rng.int(0, 3599);
    const occurred = dayStart + (seconds - offset * 3600) * 1000 + rng.int(0, 999);
    // Most statements reach the LRS at once; some wait for a connection for hours.
    const stored = occurred + (rng.chance(0.9) ? rng.int(200, 30_000) : rng.int(3_600_000, 72_000_000));
    return { occurred, stored };
  };

  const summary: XapiSummary = { files: [], lines: 0, unique: 0, duplicates: 0, voids: [], bad: [], expectedEvents: 0, personal: [] };
  const personal = new Set<string>([ADMIN.name, ADMIN.mbox.slice(7)]);
  const pendingVoids = new Map<number, { target: string; context: string; targetFile: string }[]>();
  // Two voids arrive before the statement they void, which comes in the next file.
  const laterVoids = new Map<number, XapiSummary["voids"][number]>();
  const reserved = new Map<number, XapiSummary["voids"][number]>();
  for (const m of [Math.floor(months.length / 3), Math.floor((2 * months.length) / 3)]) {
    if (m + 1 < months.length) {
      const record = { file: "", line: 0, target: rng.uuid(), targetFile: null };
      laterVoids.set(m, record);
      reserved.set(m + 1, record);
    }
  }
  const badSlots = new Map<number, BadStatementProblem>();
  (["missing-verb", "bad-timestamp", "unknown-country", "missing-verb", "bad-timestamp", "unknown-country"] as const).forEach((p, i) =>
    badSlots.set((1 + 3 * i) % months.length, p),
  );
  let nextMonthRepeats: string[] = [];
  let globalDay = 0;

  await mkdir(dir, { recursive: true });
  for (const [m, month] of months.entries()) {
    const file = `statements-${month.key}.ndjson`;
    const stream = createWriteStream(join(dir, file), { encoding: "utf8", highWaterMark: 1 << 20 });
    let line = 0;
    const emit = async (entries: readonly Entry[]) => {
      let text = "";
      for (const entry of entries) {
        line++;
        if (entry.void) Object.assign(entry.void, { file, line });
        if (entry.bad) summary.bad.push({ file, line, problem: entry.bad });
        text += entry.line + "\n";
        if (text.length > 1 << 20) {
          await write(stream, text);
          text = "";
        }
      }
      summary.lines += entries.length;
      await write(stream, text);
    };
    // Statements seen again from last month's export come first, as a re-sent page would.
    await emit(nextMonthRepeats.map((l) => ({ stored: 0, line: l })));
    nextMonthRepeats = [];

    const state = countries.map((c, ci) => ({
      c,
      days: perDay(counts[ci]![m]!, month),
      n: counts[ci]![m]!,
      mau: c.cp.mau[m]!,
      k: 0,
      covered: 0,
      first: (m * c.churn) % c.pool,
      available: c.published.filter((p) => p.on < month.start).map((p) => {
        let object = c.local.get(p.id);
        if (!object) c.local.set(p.id, (object = activity(`https://imaginecole.org/ressources/${c.cp.code}/${p.id}`, p.title)));
        return object;
      }),
    }));
    const reservedHere = reserved.get(m);

    for (let d = 0; d < month.days; d++, globalDay++) {
      const dayStart = month.start.getTime() + d * DAY_MS;
      const entries: Entry[] = [];
      const repeatsToday: string[] = [];
      for (const s of state) {
        for (let i = 0; i < s.days[d]!; i++) {
          // Sequential sampling: each of the month's active users appears at least once, spread over the month.
          const isNew = s.covered < s.mau && (s.covered === 0 || rng.next() < (s.mau - s.covered) / (s.n - s.k));
          const slot = isNew ? s.covered++ : Math.floor(s.covered * rng.next() ** 2);
          s.k++;
          const user = s.c.actorAt((s.first + slot) % s.c.pool);
          if (!user.written) {
            user.written = true;
            for (const text of user.strings) personal.add(text);
          }
          let id: string;
          let voidable = true;
          if (reservedHere && reservedHere.targetFile === null && d >= 4) {
            id = reservedHere.target;
            reservedHere.targetFile = file;
            voidable = false;
          } else {
            id = rng.uuid();
          }
          const { occurred, stored } = moment(dayStart, s.c.offset);
          const object =
            s.available.length > 0 && rng.chance(s.c.localShare) ? rng.pick(s.available) : rng.pick(regional);
          // ~2% carry no country extension: the account's home page is the fallback.
          const context = user.hasAccount && rng.chance(0.067) ? s.c.bare : s.c.context;
          const verb = VERB_JSON[fromCdf(VERB_CDF, rng.next())]!;
          const when = timestamp(occurred, s.c.offset);
          // Same bytes as JSON.stringify of the whole statement: ids and instants need no escaping.
          const text = `{"id":"${id}","actor":${user.json},"verb":${verb},"object":${object},"context":${context},"timestamp":"${when}","stored":"${isoInstant(stored)}","version":"1.0.0"}`;
          entries.push({ stored, line: text });
          summary.unique++;
          if (rng.chance(0.005)) {
            summary.duplicates++;
            (rng.chance(0.4) && m + 1 < months.length ? nextMonthRepeats : repeatsToday).push(text);
          }
          if (voidable && rng.chance(0.001)) {
            // Voided days or weeks later, often from the next file; a void due after the window is never written.
            const due = globalDay + rng.int(1, 40);
            const list = pendingVoids.get(due) ?? [];
            list.push({ target: id, context: s.c.context, targetFile: file });
            pendingVoids.set(due, list);
          }
        }
      }
      const voidsToday = (pendingVoids.get(globalDay) ?? []).map((v) => ({
        target: v.target,
        context: v.context,
        record: { file, line: 0, target: v.target, targetFile: v.targetFile as string | null },
      }));
      pendingVoids.delete(globalDay);
      const later = d === 9 ? laterVoids.get(m) : undefined;
      if (later) voidsToday.push({ target: later.target, context: countries[0]!.context, record: later });
      for (const v of voidsToday) {
        const { occurred, stored } = moment(dayStart, 0);
        summary.voids.push(v.record);
        entries.push({
          stored,
          void: v.record,
          line: JSON.stringify({
            id: rng.uuid(),
            actor: ADMIN,
            verb: VOIDED,
            object: { objectType: "StatementRef", id: v.target },
            context: JSON.parse(v.context) as object,
            timestamp: isoInstant(occurred),
            stored: isoInstant(stored),
            version: "1.0.0",
          }),
        });
      }
      const problem = d === 14 ? badSlots.get(m) : undefined;
      if (problem) entries.push(badStatement(rng, problem, dayStart, countries[globalDay % countries.length]!, personal));
      entries.sort((a, b) => a.stored - b.stored);
      await emit([...entries, ...repeatsToday.map((l) => ({ stored: 0, line: l }))]);
    }
    stream.end();
    await once(stream, "finish");
    summary.files.push(file);
    options.log(`xAPI ${month.key} : ${line} lignes / lines`);
  }
  summary.expectedEvents = summary.unique - summary.voids.length;
  summary.personal = [...personal];
  return summary;
}

/** A statement no connector can load: it must end up in ops.rejects with its file and line. */
function badStatement(
  rng: Rng,
  problem: BadStatementProblem,
  dayStart: number,
  country: { cp: CountryPlan; context: string; bare: string },
  personal: Set<string>,
): Entry {
  const who = person(rng, country.cp.code);
  const email = personalEmail(rng, who, rng.int(1, 999));
  personal.add(who.name).add(email);
  const stored = dayStart + rng.int(8, 20) * 3_600_000;
  const statement: Record<string, unknown> = {
    id: rng.uuid(),
    actor: { objectType: "Agent", name: who.name, mbox: `mailto:${email}` },
    verb: VERBS[0][0],
    object: { objectType: "Activity", id: "https://imaginecole.org/ressources/regional/REG-0001" },
    context: JSON.parse(problem === "unknown-country" ? country.bare : country.context) as object,
    timestamp: problem === "bad-timestamp" ? `${frDay(new Date(dayStart))} 25:61` : isoInstant(stored - 1000),
    stored: isoInstant(stored),
    version: "1.0.0",
  };
  if (problem === "missing-verb") delete statement.verb;
  return { stored, line: JSON.stringify(statement), bad: problem };
}
