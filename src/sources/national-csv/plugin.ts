import { resolve } from "node:path";
import { countryOption, sourceKind, sourcePlugin } from "../plugin.ts";
import { DEFAULT_PROFILES_DIR, nationalCsvSettings } from "./settings.ts";

/** Exports of the national platforms: a drop folder per country, or files imported once. */
export const nationalCsvPlugin = sourcePlugin({
  name: "national-csv",
  kinds: [sourceKind(nationalCsvSettings, async (ctx, source) => (await import("./index.ts")).runNationalCsv(ctx, source))],
  import: {
    kind: "national-csv",
    options: {
      country: { ...countryOption, required: true },
      profile: { flags: "--profile <file>", help: { fr: "profil de correspondance", en: "national CSV mapping profile" } },
    },
    // Without --profile, the country's profile from the configured source's profiles folder.
    import: async (ctx, files, options, configured) =>
      (await import("./index.ts")).importNationalCsv(ctx, files, {
        country: options.country,
        profile: options.profile,
        profilesDir: resolve(ctx.root, configured[0]?.profiles ?? DEFAULT_PROFILES_DIR),
      }),
  },
});
