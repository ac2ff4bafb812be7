import type { Country } from "../sources/reference/countries.ts";
import { addDays, parseIsoDay, windowMonths, type Month } from "./calendar.ts";
import { rngFor } from "./random.ts";
import { DEMO_SCENARIO, paceOf, storyOf, type Story } from "./scenario.ts";

/** The numbers each country's inputs are drawn from; pure, from the reference file, asOf and scale. */
export interface CountryPlan {
  code: string;
  nameFr: string;
  story: Story;
  pace: number;
  /** End-of-phase targets; `mau` is already multiplied by the users factor of the scale. */
  targets: { trainers: number; teachers: number; resources: number; mau: number };
  /** Reached by the end of the window. */
  reached: { trainers: number; teachers: number; resources: number };
  /** Monthly active users on the regional platform, per window month (scaled). */
  mau: number[];
  /** Monthly active users on the national platform, per window month (not scaled). */
  nationalMau: number[];
  /** Last day a sheet row may be dated. */
  lastSheetDay: Date;
}

export interface DemoPlan {
  asOf: Date;
  months: Month[];
  phase: { start: Date; mid: Date; end: Date };
  /** First day of the window and last day (inclusive). */
  first: Date;
  last: Date;
  /** Users grow with the scale up to 1, then with its square root: scale 100 means busier users, not 100x people. */
  usersFactor: number;
  countries: CountryPlan[];
}

/** Two significant digits (or a multiple of 5 under 100): targets are round numbers people type. */
export function roundTarget(value: number): number {
  if (value < 100) return Math.max(5, Math.round(value / 5) * 5);
  const unit = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / unit) * unit;
}

export function makePlan(countries: readonly Country[], asOf: Date, scale: number, seed: number): DemoPlan {
  const months = windowMonths(asOf);
  const first = months[0]!.start;
  const last = addDays(months[months.length - 1]!.end, -1);
  const phase = {
    start: parseIsoDay(DEMO_SCENARIO.phase.start),
    mid: parseIsoDay(DEMO_SCENARIO.phase.mid),
    end: parseIsoDay(DEMO_SCENARIO.phase.end),
  };
  const progress = (day: Date) =>
    Math.min(1, Math.max(0, (day.getTime() - phase.start.getTime()) / (phase.end.getTime() - phase.start.getTime())));
  const usersFactor = scale <= 1 ? scale : Math.sqrt(scale);
  const atEnd = progress(last);

  const plans = countries.map((country): CountryPlan => {
    const rng = rngFor(seed, `plan/${country.country_code}`);
    const story = storyOf(country.country_code);
    const pace = paceOf(country.country_code);
    const staff = (country.primary_teachers ?? 0) + (country.secondary_teachers ?? 0) || 50_000;
    const teachers = roundTarget(staff * 0.035);
    const mauUnscaled = roundTarget(staff * 0.02);
    const targets = {
      teachers,
      trainers: roundTarget(teachers / 25),
      resources: roundTarget(staff / 2500),
      mau: roundTarget(Math.max(5, mauUnscaled * usersFactor)),
    };
    const reached = {
      trainers: Math.round(targets.trainers * pace * atEnd),
      teachers: Math.round(targets.teachers * pace * atEnd),
      resources: Math.round(targets.resources * pace * atEnd),
    };
    const falling = [0.8, 0.62, 0.48];
    const base = months.map((month, i) => {
      const fromEnd = months.length - i;
      const drop = story === "falling-use" && fromEnd <= 3 ? (falling[3 - fromEnd] ?? 1) : 1;
      const noise = 0.94 + rng.next() * 0.12;
      return mauUnscaled * pace * Math.max(0.1, progress(addDays(month.end, -1))) * noise * drop;
    });
    return {
      code: country.country_code,
      nameFr: country.name_fr,
      story,
      pace,
      targets,
      reached,
      mau: base.map((v) => Math.max(3, Math.round(v * usersFactor))),
      nationalMau: base.map((v) => Math.round(v * 1.6)),
      lastSheetDay: story === "stale-sheet" ? addDays(months[months.length - 2]!.start, -1) : last,
    };
  });
  return { asOf, months, phase, first, last, usersFactor, countries: plans };
}
