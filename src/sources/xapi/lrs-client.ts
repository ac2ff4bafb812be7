import { EXIT, ImaginEcoleError } from "../../core/errors.ts";
import { DEFAULT_RETRY, isRetryableStatus, realSleep, retryDelay, type RetryOptions } from "./retry.ts";

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

/** GET one Statements API page, retrying 429, 5xx and network failures with backoff. */
export async function fetchStatementsPage(url: URL, credentials: LrsCredentials, retry: RetryOptions = {}): Promise<LrsPage> {
  const options = { ...DEFAULT_RETRY, ...retry };
  const sleep = retry.sleep ?? realSleep;
  const headers = {
    "X-Experience-API-Version": XAPI_VERSION,
    Authorization: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`,
    Accept: "application/json",
  };
  let lastProblem = "";
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    let response: Response;
    try {
      response = await fetch(url, { headers, signal: AbortSignal.timeout(options.timeoutMs) });
    } catch (error) {
      lastProblem = networkProblem(error);
      if (attempt < options.attempts) await sleep(retryDelay(attempt, null, options));
      continue;
    }
    const body = await response.text().catch((error: unknown) => {
      lastProblem = networkProblem(error);
      return null;
    });
    if (body === null) {
      if (attempt < options.attempts) await sleep(retryDelay(attempt, null, options));
      continue;
    }
    if (response.ok) return parsePage(url, body, response.headers.get("X-Experience-API-Consistent-Through"));
    if (!isRetryableStatus(response.status)) throw refused(url, response.status, body, credentials);
    lastProblem = `HTTP ${response.status}`;
    if (attempt < options.attempts) await sleep(retryDelay(attempt, response.headers.get("Retry-After"), options));
  }
  throw new ImaginEcoleError({
    fr: `Le LRS (${shown(url)}) ne répond pas correctement après ${options.attempts} essais (dernier : ${lastProblem}). Relancez plus tard : la prochaine exécution reprendra là où celle-ci s'est arrêtée.`,
    en: `The LRS (${shown(url)}) still fails after ${options.attempts} attempts (last: ${lastProblem}). Run again later: the next run resumes where this one stopped.`,
  }, EXIT.failed);
}

/** A StatementResult body: `{statements: [...], more: "..."}`. Pure. */
export function parsePage(url: URL, body: string, consistentThrough: string | null): LrsPage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = null;
  }
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
