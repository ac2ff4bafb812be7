// The `coordinator` section of the pipelines configuration: the monthly note and the digests to
// the countries' focal points (src/note/, src/digest/).
import { z } from "zod";

const lang = z.enum(["fr", "en"]);
const cron = z.string().min(1);

const digestSchema = z.strictObject({
  /** Sender address, e.g. "ImaginEcole <suivi@imaginecole.org>". */
  from: z.string().min(1),
  /** Per country (ISO2): the focal points' addresses and the language of their digest. */
  focalPoints: z.record(z.string().regex(/^[A-Z]{2}$/), z.strictObject({ lang, to: z.array(z.string().min(1)).min(1) })),
  /** SMTP server; host, port, user and password may come from the environment variables named. */
  smtp: z.strictObject({
    host: z.string().min(1).optional(),
    hostEnv: z.string().min(1).optional(),
    port: z.number().int().positive().optional(),
    portEnv: z.string().min(1).optional(),
    /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
    secure: z.boolean().optional(),
    userEnv: z.string().min(1).optional(),
    passwordEnv: z.string().min(1).optional(),
  }),
  /** A failed send is tried `attempts` times in all, waiting delayMs, then twice as long… */
  retry: z.strictObject({ attempts: z.number().int().positive(), delayMs: z.number().int().nonnegative() }).optional(),
  schedule: cron.optional(),
});

export const coordinatorSchema = z.strictObject({
  /** Public address of the dashboard; a digest links to <siteUrl>/<lang>/pays/<ISO2>. */
  siteUrl: z.string().url().optional(),
  note: z
    .strictObject({
      /** Folder the note is written to, relative to the project. */
      out: z.string().min(1),
      /** Languages written by `schedule` (the command line takes --lang). */
      langs: z.array(lang).optional(),
      schedule: cron.optional(),
    })
    .optional(),
  digest: digestSchema.optional(),
});

export type CoordinatorConfig = z.infer<typeof coordinatorSchema>;
export type DigestConfig = z.infer<typeof digestSchema>;
