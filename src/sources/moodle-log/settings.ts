import { z } from "zod";
import { countryCode, path, said, sourceSettings } from "../plugin.ts";

/** An IANA time zone name the runtime knows, e.g. Africa/Abidjan. */
export const timeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  said("fuseau horaire IANA attendu (ex. Africa/Abidjan, Africa/Dakar, Africa/Douala)", "expected an IANA time zone (e.g. Africa/Abidjan, Africa/Dakar, Africa/Douala)"),
);

/** A folder of Moodle "Logs" report downloads of one site. */
export const moodleLogSettings = sourceSettings("moodle-log-files", {
  path,
  country: countryCode,
  /** IANA zone of the exporting site: Moodle writes local times without an offset. */
  timezone: timeZone,
});
export type MoodleLogSource = z.infer<typeof moodleLogSettings>;
