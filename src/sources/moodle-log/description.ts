import type { SkipReason } from "../usage/report.ts";

/** What Moodle's always-English Description says: who did what to which course or module. */
export interface DescriptionFacts {
  userId: string;
  action: string;
  courseModuleId: string | null;
  courseId: string | null;
}

/*
 * Rows that are not a person's learning activity are skipped and counted (SkipReason), never
 * rejected nor loaded. Failed logins and web-service calls name no one who learned; the user 0 is
 * a visitor who is not signed in; the guest account is the user 1 on every Moodle site (created
 * first at install); "logged in as" is an administrator taking on a learner's account.
 */

/** The descriptions of the event classes (moodle/moodle lib/classes/event) that are never usage. */
const NOT_USAGE: [RegExp, SkipReason][] = [
  // user_login_failed: "Login failed for the username 'x' for the reason with id '3'."
  [/^Login failed for /i, "failed_login"],
  // webservice_function_called, webservice_login_failed
  [/^The web service function '[^']*' has been called/i, "web_service"],
  [/^Web service authentication failed/i, "web_service"],
  // user_loggedinas: "The user with id '2' has logged in as the user with id '5'."
  [/^The user with (?:the )?id '-?\d+' has logged in as the user with (?:the )?id/i, "logged_in_as"],
];

const WHO = /^The user with (?:the )?id '(-?\d+)'\s+(?:has\s+|have\s+)?(?:been\s+)?([a-z]+)(?:\s+(in|out)\b)?/i;

/**
 * The course module the event concerns: "with course module id '643'" (course_module_viewed,
 * quiz attempts, assignments), "with the course module id '650'" (H5P), "for the course module
 * with id '650'" (course_module_completion_updated).
 */
const COURSE_MODULE = /course module (?:with )?(?:the )?id '(\d+)'/i;
/** "viewed the course with id '12'", "section number '1' of the course with id '12'". */
const COURSE = /course with (?:the )?id '(\d+)'/i;
/** "updated the completion state for the course module…": the module's completion, not an update of it. */
const COMPLETION = /^The user with (?:the )?id '-?\d+' (?:updated|overrode) the completion state/i;

/** The site's guest account (Moodle's install creates it first, $CFG->siteguest = 1). */
const GUEST_USER_ID = 1;

/** Pure. The facts, a reason to skip the row, or null when the Description names no user. */
export function parseDescription(description: string): DescriptionFacts | { skip: SkipReason } | null {
  const text = description.trim();
  for (const [pattern, skip] of NOT_USAGE) if (pattern.test(text)) return { skip };
  const who = WHO.exec(text);
  if (!who) return null;
  const userId = Number(who[1]);
  if (userId <= 0) return { skip: "not_signed_in" };
  if (userId === GUEST_USER_ID) return { skip: "guest" };
  const action = COMPLETION.test(text) ? "completion updated" : (who[3] ? `${who[2]} ${who[3]}` : who[2]!).toLowerCase();
  return {
    userId: who[1]!,
    action,
    courseModuleId: COURSE_MODULE.exec(text)?.[1] ?? null,
    courseId: COURSE.exec(text)?.[1] ?? null,
  };
}

/** Description actions with an established xAPI verb; others get an ImaginEcole verb IRI. */
const VERBS: Record<string, string> = {
  viewed: "http://id.tincanapi.com/verb/viewed",
  submitted: "http://activitystrea.ms/schema/1.0/submit",
  completed: "http://adlnet.gov/expapi/verbs/completed",
  attempted: "http://adlnet.gov/expapi/verbs/attempted",
  started: "http://adlnet.gov/expapi/verbs/attempted",
  created: "http://activitystrea.ms/schema/1.0/create",
  updated: "http://activitystrea.ms/schema/1.0/update",
  deleted: "http://activitystrea.ms/schema/1.0/delete",
  downloaded: "http://id.tincanapi.com/verb/downloaded",
  "logged in": "https://w3id.org/xapi/adl/verbs/logged-in",
  "logged out": "https://w3id.org/xapi/adl/verbs/logged-out",
  send: "http://adlnet.gov/expapi/verbs/interacted",
  sent: "http://adlnet.gov/expapi/verbs/interacted",
};

/** Pure. */
export function verbFor(action: string): string {
  return VERBS[action] ?? `https://imaginecole.org/xapi/verbs/moodle/${action.replace(/\s+/g, "-")}`;
}

/** The module, else the course, else the site the event happened on. Pure. */
export function objectFor(site: string, facts: DescriptionFacts): string {
  if (facts.courseModuleId) return `moodle:${site}:cm:${facts.courseModuleId}`;
  if (facts.courseId) return `moodle:${site}:course:${facts.courseId}`;
  return `moodle:${site}:site`;
}
