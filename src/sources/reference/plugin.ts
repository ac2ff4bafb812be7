import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { EXIT, ImaginEcoleError } from "../../core/errors.ts";
import { sourceKind, sourcePlugin } from "../plugin.ts";
import { referenceSettings, type ReferenceSource } from "./settings.ts";

/** Country reference data, loaded first on every run: the other sources check country codes against it. */
export const referencePlugin = sourcePlugin({
  name: "reference",
  foundation: true,
  kinds: [
    sourceKind(referenceSettings, async (ctx, source) => [
      await (await import("./countries.ts")).loadCountries(ctx, referenceFile(ctx.root, source)),
    ]),
  ],
});

function referenceFile(root: string, source: ReferenceSource): string {
  const path = resolve(root, source.path);
  if (existsSync(path)) return path;
  throw new ImaginEcoleError({
    fr: `Référence des pays introuvable : ${path}. Vérifiez « path » de la source ${source.name} dans la configuration ; aucune autre source n'a été lue.`,
    en: `Country reference not found: ${path}. Check the "path" of the source ${source.name} in the configuration; no other source was read.`,
  }, EXIT.usage);
}
