/** What Moodle's always-English Description says: who did what to which course or module. */
export interface DescriptionFacts {
  userId: string;
  action: string;
  courseModuleId: string | null;
  courseId: string | null;
}

const WHO = /^The user with (?:the )?id '(-?\d+)'\s+(?:has\s+|have\s+)?(?:been\s+)?([a-z]+)(?:\s+(in|out)\b)?/i;

/** Pure. Null when the Description names no user. */
export function parseDescription(description: string): DescriptionFacts | null {
  const who = WHO.exec(description.trim());
  if (!who) return null;
  const action = (who[3] ? `${who[2]} ${who[3]}` : who[2]!).toLowerCase();
  return {
    userId: who[1]!,
    action,
    courseModuleId: /course module id '(\d+)'/i.exec(description)?.[1] ?? null,
    courseId: /course with (?:the )?id '(\d+)'/i.exec(description)?.[1] ?? null,
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
