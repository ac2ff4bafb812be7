import type { CoordinatorConfig } from "../config/pipelines.ts";
import type { RunContext } from "../context/run-context.ts";
import { say } from "../core/message.ts";
import { EXIT, ImaginEcoleError } from "../core/errors.ts";
import { readMonthReport } from "../coordinator/report.ts";
import { sqlFile } from "../warehouse/sql-file.ts";
import { composeDigest, type Digest } from "./compose.ts";
import { smtpMailer, smtpError, withRetry, type Mailer } from "./send.ts";

export { composeDigest, type Digest } from "./compose.ts";
export type { Mailer } from "./send.ts";

const KIND = "digest";
const DEFAULT_RETRY = { attempts: 3, delayMs: 5_000 };

export interface DigestOutcome {
  country_code: string;
  status: "sent" | "already_sent" | "failed" | "printed";
  attempts?: number;
  /** When already sent: the day and time it was. */
  sentAt?: string;
  error?: string;
}

/**
 * `imaginecole digest`: one e-mail per country with focal points, in the country's language.
 * Each country's digest is recorded in ops.notifications once sent, so a rerun sends only what
 * is missing; a failure is retried, recorded, and left for the next run.
 */
export async function sendDigests(
  ctx: Pick<RunContext, "warehouse" | "keyer" | "log" | "now" | "lang">,
  config: CoordinatorConfig | undefined,
  options: { month?: string; dryRun?: boolean; mailer?: Mailer; print?: (text: string) => void } = {},
): Promise<{ month: string; outcomes: DigestOutcome[] }> {
  const digest = config?.digest;
  if (!digest || Object.keys(digest.focalPoints ?? {}).length === 0) {
    throw new ImaginEcoleError({
      fr: "Aucun point focal dans la configuration : ajoutez « coordinator.digest » (expéditeur, points focaux par pays, serveur SMTP).",
      en: 'No focal point in the configuration: add "coordinator.digest" (sender, focal points per country, SMTP server).',
    }, EXIT.usage);
  }
  const report = await readMonthReport(ctx.warehouse, options.month);
  const period = `${report.month}-01`;
  const outcomes: DigestOutcome[] = [];
  let mailer = options.mailer;
  try {
    for (const code of Object.keys(digest.focalPoints).sort()) {
      const { lang, to } = digest.focalPoints[code]!;
      const country = report.countries.find((c) => c.code === code.toUpperCase());
      if (!country || to.length === 0) {
        ctx.log(say(ctx, { fr: `${code} : aucun destinataire ou aucune donnée ce mois-ci ; pas de courriel.`, en: `${code}: no recipient or no data this month; no e-mail.` }));
        continue;
      }
      const message = composeDigest(report, country, lang, config?.siteUrl);
      if (options.dryRun) {
        options.print?.(printed(message, to));
        outcomes.push({ country_code: country.code, status: "printed" });
        continue;
      }
      const sent = await ctx.warehouse.one<{ sent_at: string }>(sqlFile(import.meta.url, "sql/notification_sent.sql"), { kind: KIND, period, country_code: country.code });
      if (sent) {
        ctx.log(say(ctx, { fr: `${country.code} : déjà envoyé le ${sent.sent_at} UTC.`, en: `${country.code}: already sent on ${sent.sent_at} UTC.` }));
        outcomes.push({ country_code: country.code, status: "already_sent", sentAt: sent.sent_at });
        continue;
      }
      mailer ??= smtpMailer(digest);
      const record = (status: "sent" | "failed", attempts: number, messageId: string | null, error: string | null) =>
        ctx.warehouse.run(sqlFile(import.meta.url, "sql/notification_record.sql"), {
          kind: KIND, period, country_code: country.code, lang, recipients: to.map((a) => ctx.keyer(a.trim().toLowerCase())).join(","),
          status, attempts, message_id: messageId, error, now: new Date().toISOString(),
        });
      const send = mailer;
      try {
        const { value, attempts } = await withRetry(
          () => send.send({ from: digest.from, to, subject: message.subject, text: message.text, html: message.html, lang }),
          digest.retry ?? DEFAULT_RETRY,
          (error, attempt) => ctx.log(say(ctx, { fr: `${country.code} : échec de l'envoi (essai ${attempt}) : ${smtpError(error)}`, en: `${country.code}: sending failed (attempt ${attempt}): ${smtpError(error)}` })),
        );
        await record("sent", attempts, value, null);
        ctx.log(say(ctx, { fr: `${country.code} : envoyé à ${to.length} destinataire(s) (${lang}).`, en: `${country.code}: sent to ${to.length} recipient(s) (${lang}).` }));
        outcomes.push({ country_code: country.code, status: "sent", attempts });
      } catch (error) {
        const attempts = (error as { attempts?: number }).attempts ?? 1;
        const reason = (error as Error).message;
        await record("failed", attempts, null, reason);
        outcomes.push({ country_code: country.code, status: "failed", attempts, error: reason });
      }
    }
  } finally {
    if (!options.mailer) mailer?.close();
  }
  return { month: report.month, outcomes };
}

function printed(message: Digest, to: string[]): string {
  return [`To: ${to.join(", ")}`, `Subject: ${message.subject}`, `Content-Language: ${message.lang}`, "", message.text].join("\n");
}

/** The error a run with failed digests ends with: which countries, why, and that the next run sends them. */
export function failedDigests(outcomes: DigestOutcome[]): ImaginEcoleError | null {
  const failed = outcomes.filter((o) => o.status === "failed");
  if (failed.length === 0) return null;
  const list = failed.map((o) => `${o.country_code} (${o.error})`).join(", ");
  return new ImaginEcoleError({
    fr: `Courriel non envoyé après plusieurs essais pour : ${list}. C'est noté dans ops.notifications ; la prochaine exécution de « imaginecole digest » les enverra. Vérifiez le serveur SMTP.`,
    en: `E-mail not sent after several attempts for: ${list}. This is recorded in ops.notifications; the next run of "imaginecole digest" will send them. Check the SMTP server.`,
  }, EXIT.failed);
}
