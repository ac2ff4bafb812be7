import { z } from "zod";
import { readConfigFile } from "./file.ts";
import { describeIssues, invalidConfiguration, said } from "./issues.ts";

/** A calendar date written YYYY-MM-DD. */
export const isoDate = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isCalendarDate(s), said(
    "date AAAA-MM-JJ attendue (ex. 2025-05-01)",
    "expected a date YYYY-MM-DD (e.g. 2025-05-01)",
  ));

/** A day that exists: 2026-02-30 does not. */
function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The programme phase: dates outside it are suspect, targets are pro-rated over it. */
export const phaseSchema = z
  .strictObject({ start: isoDate, end: isoDate })
  .refine((p) => !isCalendarDate(p.start) || !isCalendarDate(p.end) || p.start <= p.end, { path: ["end"], ...said("la fin doit suivre le début (start)", "the end must not come before the start") });
export type Phase = z.infer<typeof phaseSchema>;

/** The `phase` of the configuration named by IMAGINECOLE_CONFIG, else of the bundled demo one. */
export function loadPhase(root: string): Phase {
  const { path, json } = readConfigFile(root);
  const parsed = phaseSchema.safeParse((json as { phase?: unknown } | null)?.phase, { reportInput: true });
  if (parsed.success) return parsed.data;
  throw invalidConfiguration(path, describeIssues(parsed.error.issues.map((issue) => ({ ...issue, path: ["phase", ...issue.path] }))));
}
