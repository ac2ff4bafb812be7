import { createHash } from "node:crypto";
import type { Keyer } from "../../privacy/keyed-hash.ts";
import type { SkipReason } from "../usage/report.ts";
import { objectFor, parseDescription, verbFor } from "./description.ts";
import type { HeaderMap, MoodleField } from "./headers.ts";
import { parseMoodleTime, zonedToUtc } from "./time.ts";

/** One log row in the shape of xapi_stage; `ident` is keyed later, names are already gone. */
export interface StageRow {
  line: number;
  eventId: string | null;
  ident: string | null;
  verb: string | null;
  objectId: string | null;
  occurredAt: Date | null;
  reason: string | null;
  rejectValue: string | null;
}

export interface RowOptions {
  site: string;
  timeZone: string;
  keyer: Keyer;
}

/**
 * Turns one data row into a stage row, or the reason it is no one's learning activity (a failed
 * login, a web-service call, a visitor not signed in, the guest account, "logged in as"), to skip.
 * The event id hashes the row with the keyed actor, so a re-import of the same row gives the same
 * id and the id reveals nothing about the user. Pure.
 */
export function toStageRow(record: string[], header: HeaderMap, line: number, options: RowOptions): StageRow | { skip: SkipReason } {
  const cell = (field: MoodleField) => {
    const i = header.index[field];
    return i === undefined ? "" : (record[i] ?? "").trim();
  };
  const row: StageRow = { line, eventId: null, ident: null, verb: null, objectId: null, occurredAt: null, reason: null, rejectValue: null };
  const timeText = cell("time");
  const facts = parseDescription(cell("description"));
  if (!facts) return { ...row, reason: "moodle_user" };
  if ("skip" in facts) return facts;
  const wall = parseMoodleTime(timeText);
  if (wall === "no-year") return { ...row, reason: "moodle_time_no_year", rejectValue: timeText };
  if (wall === null) return { ...row, reason: "moodle_time", rejectValue: timeText };

  const ident = `moodle:${options.site}:${facts.userId}`;
  const occurredAt = zonedToUtc(wall, options.timeZone);
  // Only language-independent cells: the same log downloaded in French and in English is one event.
  const fingerprint = [options.site, occurredAt.toISOString(), options.keyer(ident), cell("description"), cell("origin"), cell("ip")];
  return {
    line,
    eventId: `moodle:${createHash("sha256").update(fingerprint.join("\u001f")).digest("hex").slice(0, 40)}`,
    ident,
    verb: verbFor(facts.action),
    objectId: objectFor(options.site, facts),
    occurredAt,
    reason: null,
    rejectValue: null,
  };
}
