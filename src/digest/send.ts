import nodemailer from "nodemailer";
import type { DigestConfig } from "../config/pipelines.ts";
import { EXIT, ImaginEcoleError } from "../core/errors.ts";

export interface Outgoing {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  lang: string;
}

export interface Mailer {
  /** Sends one message; resolves to its Message-ID. */
  send(message: Outgoing): Promise<string>;
  close(): void;
}

/** The SMTP connection the configuration describes; secrets are read from the environment, never logged. */
export function smtpMailer(config: DigestConfig, env: NodeJS.ProcessEnv = process.env): Mailer {
  const smtp = config.smtp;
  const host = (smtp.hostEnv ? env[smtp.hostEnv] : undefined) ?? smtp.host;
  const port = Number((smtp.portEnv ? env[smtp.portEnv] : undefined) ?? smtp.port ?? (smtp.secure ? 465 : 587));
  if (!host || !Number.isInteger(port) || port <= 0) {
    throw new ImaginEcoleError({
      fr: `Serveur SMTP non configuré : indiquez « coordinator.digest.smtp.host » (ou la variable ${smtp.hostEnv ?? "nommée par hostEnv"}) et un port valide.`,
      en: `SMTP server not configured: set "coordinator.digest.smtp.host" (or the variable ${smtp.hostEnv ?? "named by hostEnv"}) and a valid port.`,
    }, EXIT.usage);
  }
  const user = smtp.userEnv ? env[smtp.userEnv] : undefined;
  const pass = smtp.passwordEnv ? env[smtp.passwordEnv] : undefined;
  if (smtp.userEnv && (!user || !pass)) {
    throw new ImaginEcoleError({
      fr: `Identifiants SMTP manquants : définissez les variables ${smtp.userEnv} et ${smtp.passwordEnv ?? "(passwordEnv)"}.`,
      en: `SMTP credentials missing: set the variables ${smtp.userEnv} and ${smtp.passwordEnv ?? "(passwordEnv)"}.`,
    }, EXIT.usage);
  }
  const transport = nodemailer.createTransport({
    host, port, secure: smtp.secure ?? false,
    auth: user && pass ? { user, pass } : undefined,
    connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000,
  });
  return {
    async send(m) {
      const info = await transport.sendMail({
        from: m.from, to: m.to, subject: m.subject, text: m.text, html: m.html,
        headers: { "Content-Language": m.lang },
      });
      return info.messageId;
    },
    close: () => transport.close(),
  };
}

/** Tries `attempts` times in all, waiting delayMs, then twice as long…; the last error is thrown. */
export async function withRetry<T>(work: () => Promise<T>, retry: { attempts: number; delayMs: number }, onFailure: (error: unknown, attempt: number) => void): Promise<{ value: T; attempts: number }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { value: await work(), attempts: attempt };
    } catch (error) {
      onFailure(error, attempt);
      if (attempt >= retry.attempts) throw Object.assign(new Error(smtpError(error)), { attempts: attempt });
      await new Promise((resolve) => setTimeout(resolve, retry.delayMs * 2 ** (attempt - 1)));
    }
  }
}

/** An SMTP failure in plain words: the server's reply or the network error, never credentials. */
export function smtpError(error: unknown): string {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
  if (e?.responseCode) return `SMTP ${e.responseCode}: ${String(e.response ?? e.message ?? "").split("\n")[0]}`;
  if (e?.code) return `${e.code}: ${String(e.message ?? "").split("\n")[0]}`;
  return String(e?.message ?? error).split("\n")[0]!;
}
