import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { describeIssues, invalidConfiguration } from "../../config/issues.ts";

export const PLAUSIBILITY_FILE = "pipelines/plausibility.json";

const positive = z.number().positive();

/** The rules a team's sheet is checked against; a rule left out of the file is off. */
export const plausibilitySchema = z.strictObject({
  $comment: z.string().optional(),
  rules: z.strictObject({
    /** Teachers trained (F + H) in one session. */
    participants_per_session: z.strictObject({ max: positive }).optional(),
    /** Teachers trained per day of a session (end − start + 1 days). */
    participants_per_day: z.strictObject({ max: positive }).optional(),
    /** The optional total column against F + H. */
    sex_sum: z.strictObject({}).optional(),
    /** Teachers trained to date rising by more than maxRise in a month, by minAdded or more, from minBase or more. */
    monthly_jump: z.strictObject({ maxRise: positive, minAdded: z.number().min(0), minBase: z.number().min(0) }).optional(),
    /** An activity due more than maxDays after today. */
    date_far_ahead: z.strictObject({ maxDays: positive }).optional(),
  }),
});
export type PlausibilityRules = z.infer<typeof plausibilitySchema>["rules"];

/** pipelines/plausibility.json of the project; no file, no rule. A mistyped rule names its JSON path. */
export function loadPlausibility(root: string, file: string = PLAUSIBILITY_FILE): PlausibilityRules {
  const path = join(root, file);
  if (!existsSync(path)) return {};
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw invalidConfiguration(path, [{ path: "", fr: `JSON illisible : ${(error as Error).message}`, en: `unreadable JSON: ${(error as Error).message}` }]);
  }
  const parsed = plausibilitySchema.safeParse(json, { reportInput: true });
  if (!parsed.success) throw invalidConfiguration(path, describeIssues(parsed.error.issues));
  return parsed.data.rules;
}
