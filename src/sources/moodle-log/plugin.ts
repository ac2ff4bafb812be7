import { countryOption, sourceKind, sourcePlugin } from "../plugin.ts";
import { moodleLogSettings } from "./settings.ts";

/** The zone Moodle downloads imported by hand are read in when --timezone is not given. */
const DEFAULT_TIMEZONE = "Africa/Abidjan";

/** Moodle "Logs" report downloads, loaded as usage events beside the xAPI statements. */
export const moodleLogPlugin = sourcePlugin({
  name: "moodle-log",
  usageEvents: true,
  kinds: [sourceKind(moodleLogSettings, async (ctx, source) => (await import("./index.ts")).runMoodleLogFiles(ctx, source))],
  import: {
    kind: "moodle-log",
    options: {
      country: { ...countryOption, required: true },
      timezone: {
        flags: "--timezone <zone>",
        help: { fr: `fuseau horaire du site Moodle (IANA, défaut ${DEFAULT_TIMEZONE})`, en: `Moodle site timezone (IANA, default ${DEFAULT_TIMEZONE})` },
      },
    },
    import: async (ctx, files, options) =>
      (await import("./index.ts")).importMoodleLogs(ctx, files, {
        country: options.country,
        timezone: options.timezone ?? DEFAULT_TIMEZONE,
      }),
  },
});
