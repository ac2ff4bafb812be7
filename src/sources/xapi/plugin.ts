import { countryOption, sourceKind, sourcePlugin } from "../plugin.ts";
import { xapiFilesSettings, xapiLrsSettings } from "./settings.ts";

/** xAPI statements: a folder of files, a Learning Record Store, or files imported once. */
export const xapiPlugin = sourcePlugin({
  name: "xapi",
  usageEvents: true,
  kinds: [
    sourceKind(xapiFilesSettings, async (ctx, source) => (await import("./index.ts")).runXapiFiles(ctx, source)),
    sourceKind(xapiLrsSettings, async (ctx, source) => (await import("./index.ts")).runXapiLrs(ctx, source)),
  ],
  import: {
    kind: "xapi",
    options: { country: countryOption },
    import: async (ctx, files, options) => (await import("./index.ts")).importXapiFiles(ctx, files, { country: options.country }),
  },
});
