// The `site` section of the pipelines configuration: what the public edition shows, and where
// `schedule` publishes each edition after a run that changed the mart.
//
//   "site": {
//     "public": { "bottlenecks": false },
//     "publish": [
//       { "edition": "public", "to": "/srv/imaginecole/public" },
//       { "edition": "internal", "to": "/srv/imaginecole/internal" }
//     ]
//   }
import { resolve } from "node:path";
import { z } from "zod";
import { EDITIONS, INTERNAL, type Edition, type EditionName } from "../../dashboards/components/edition.ts";
import { EXIT, ImaginEcoleError } from "../core/errors.ts";

export const siteSchema = z
  .object({
    public: z
      .object({
        /** Whether the public edition has the bottleneck page and sentences (they name countries behind). */
        bottlenecks: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
    /** Editions `schedule` publishes after each run that changed the mart; none: it rebuilds dist/. */
    publish: z.array(z.object({ edition: z.enum(EDITIONS), to: z.string().min(1) }).strict()).default([]),
  })
  .strict()
  .prefault({});

/** The section as written in the configuration file. */
export type SiteConfig = z.input<typeof siteSchema>;
/** The section with its defaults. */
export type SiteSettings = z.output<typeof siteSchema>;

/** The site settings of a configuration; a wrong section is a configuration error (exit 2). */
export function siteSettings(site: unknown, configPath: string): SiteSettings {
  const parsed = siteSchema.safeParse(site);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `site.${i.path.join(".")}: ${i.message}`).join("; ");
  throw new ImaginEcoleError({
    fr: `Section « site » invalide dans ${configPath} : ${issues}.`,
    en: `Invalid "site" section in ${configPath}: ${issues}.`,
  }, EXIT.usage);
}

/** The edition of that name, as the configuration describes it. */
export function editionOf(name: EditionName, settings: SiteSettings): Edition {
  return name === "internal" ? INTERNAL : { name, bottlenecks: settings.public.bottlenecks };
}

/** Where each edition is published, as absolute paths (relative ones are from the project root). */
export function publishTargets(settings: SiteSettings, root: string): { edition: Edition; to: string }[] {
  return settings.publish.map((p) => ({ edition: editionOf(p.edition, settings), to: resolve(root, p.to) }));
}
