import { EXIT, ImaginEcoleError } from "../../core/errors.ts";
import { DEFAULT_RETRY, isRetryableStatus, realSleep, retryAfterMs, retryDelay, type RetryOptions } from "./retry.ts";

export const XAPI_VERSION = "1.0.3";

export interface LrsCredentials {
  username: string;
  password: string;
  /** Names of the variables they came from, for messages (never the values). */
  usernameEnv: string;
  passwordEnv: string;
}

export interface LrsPage {
  statements: unknown[];
  more: string;
  consistentThrough: string | null;
  body: string;
}

/** A try that failed in a way worth another: why, and what the LRS asked us to wait. */
interface Failure {
  problem: string;
  retryAfter: string | null;
}

/**
 * GET one Statements API page, retrying 429, 5xx, network failures, requests left silent past
 * the timeout and bodies that are not JSON, with backoff (Retry-After obeyed up to a cap). Every
 * wait is told to `retry.onWait`. A redirect is not followed: the credentials go to the LRS only.
 */
export async function fetchStatementsPage(url: URL, credentials: LrsCredentials, retry: RetryOptions = {}): Promise<LrsPage> {
  const options = { ...DEFAULT_RETRY, ...retry };
  const sleep = retry.sleep ?? realSleep;
  const headers = {
    "X-Experience-API-Version": XAPI_VERSION,
    Authorization: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`,
    Accept: "application/json",
  };
  let last: Failure = { problem: "", retryAfter: null };
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    const outcome = await tryOnce(url, headers, options.timeoutMs, credentials);
    if (!("problem" in outcome)) return outcome;
    last = outcome;
    if (attempt < options.attempts) {
      const ms = retryDelay(attempt, outcome.retryAfter, options);
      retry.onWait?.({ ms, attempt, attempts: options.attempts, problem: outcome.problem, askedMs: retryAfterMs(outcome.retryAfter) });
      await sleep(ms);
    }
  }
  throw new ImaginEcoleError({
    fr: `Le LRS (${shown(url)}) ne répond pas correctement après ${options.attempts} essais (dernier : ${last.problem}). Relancez plus tard : la prochaine exécution reprendra là où celle-ci s'est arrêtée.`,
    en: `The LRS (${shown(url)}) still fails after ${options.attempts} attempts (last: ${last.problem}). Run again later: the next run resumes where this one stopped.`,
  }, EXIT.failed);
}

async function tryOnce(url: URL, headers: Record<string, string>, timeoutMs: number, credentials: LrsCredentials): Promise<LrsPage | Failure> {
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  let body: string;
  try {
    response = await fetch(url, { headers, signal, redirect: "manual" });
    body = await response.text();
  } catch (error) {
    return { problem: signal.aborted ? silentFor(timeoutMs) : networkProblem(error), retryAfter: null };
  }
  if (response.status >= 300 && response.status < 400) throw redirected(url, response.headers.get("Location"));
  if (!response.ok) {
    if (!isRetryableStatus(response.status)) throw refused(url, response.status, body, credentials);
    return { problem: `HTTP ${response.status}`, retryAfter: response.headers.get("Retry-After") };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    // A proxy's error page or a body cut short: another try may bring the page.
    return { problem: notJson(response.headers.get("Content-Type")), retryAfter: null };
  }
  return parsePage(url, parsed, body, response.headers.get("X-Experience-API-Consistent-Through"));
}

/** A StatementResult body, parsed: `{statements: [...], more: "..."}`. Pure. */
export function parsePage(url: URL, parsed: unknown, body: string, consistentThrough: string | null): LrsPage {
  const statements = (parsed as { statements?: unknown } | null)?.statements;
  const more = (parsed as { more?: unknown } | null)?.more;
  if (!Array.isArray(statements)) {
    throw new ImaginEcoleError({
      fr: `Réponse du LRS inattendue (${shown(url)}) : ce n'est pas un StatementResult {statements, more}. Vérifiez l'adresse du point d'accès (elle doit mener à /statements).`,
      en: `Unexpected LRS response (${shown(url)}): not a StatementResult {statements, more}. Check the endpoint address (it must lead to /statements).`,
    }, EXIT.failed);
  }
  return { statements, more: typeof more === "string" ? more : "", consistentThrough, body };
}

function silentFor(ms: number): string {
  return ms % 1000 === 0 ? `no answer in ${ms / 1000} s` : `no answer in ${ms} ms`;
}

function notJson(contentType: string | null): string {
  return `not JSON${contentType ? ` (${contentType.split(";")[0]})` : ""}`;
}

function redirected(url: URL, location: string | null): ImaginEcoleError {
  const to = location ? ` vers ${location}` : "";
  const toEn = location ? ` to ${location}` : "";
  return new ImaginEcoleError({
    fr: `Le LRS (${shown(url)}) renvoie ailleurs${to} : la redirection n'est pas suivie, pour que les identifiants n'aillent qu'au LRS. Mettez l'adresse définitive du point d'accès dans la configuration.`,
    en: `The LRS (${shown(url)}) redirects${toEn}: the redirect is not followed, so that the credentials go only to the LRS. Put the endpoint's final address in the configuration.`,
  }, EXIT.usage);
}

function refused(url: URL, status: number, body: string, credentials: LrsCredentials): ImaginEcoleError {
  const detail = body.replace(/\s+/g, " ").slice(0, 300);
  if (status === 401 || status === 403) {
    return new ImaginEcoleError({
      fr: `Le LRS refuse l'accès (HTTP ${status}) à ${shown(url)} : vérifiez les identifiants dans les variables ${credentials.usernameEnv} et ${credentials.passwordEnv}.`,
      en: `The LRS refuses access (HTTP ${status}) to ${shown(url)}: check the credentials in the variables ${credentials.usernameEnv} and ${credentials.passwordEnv}.`,
    }, EXIT.usage);
  }
  return new ImaginEcoleError({
    fr: `Le LRS refuse la requête (HTTP ${status}) ${shown(url)} : ${detail}. Vérifiez l'adresse du point d'accès dans la configuration.`,
    en: `The LRS refuses the request (HTTP ${status}) ${shown(url)}: ${detail}. Check the endpoint address in the configuration.`,
  }, EXIT.usage);
}

function networkProblem(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  return cause ?? (error as Error).name ?? String(error);
}

/** A URL fit for messages and ops.loads: never any credentials in it. */
export function shown(url: URL): string {
  const copy = new URL(url);
  copy.username = "";
  copy.password = "";
  return copy.toString();
}
