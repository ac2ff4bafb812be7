import { resolve } from "node:path";
import { sourceKind, sourcePlugin } from "../plugin.ts";
import { referenceSettings } from "./settings.ts";

/** Country reference data, loaded first on every run: the other sources check country codes against it. */
export const referencePlugin = sourcePlugin({
  name: "reference",
  foundation: true,
  kinds: [
    sourceKind(referenceSettings, async (ctx, source) => [
      await (await import("./countries.ts")).loadCountries(ctx, resolve(ctx.root, source.path)),
    ]),
  ],
});
