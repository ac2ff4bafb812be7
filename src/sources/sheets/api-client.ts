import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { drive, type drive_v3 } from "@googleapis/drive";
import { auth as googleAuth, sheets, type sheets_v4 } from "@googleapis/sheets";
import type { SheetsApiSource } from "./settings.ts";
import { ImaginEcoleError, EXIT } from "../../core/errors.ts";
import { RateLimiter } from "./rate-limiter.ts";

/** Sheets to read and write back; Drive metadata for a spreadsheet's last edit (files.get modifiedTime). */
export const SCOPES = ["https://www.googleapis.com/auth/spreadsheets", "https://www.googleapis.com/auth/drive.metadata.readonly"];
/** Google's per-user quota for reads; writes have their own, of the same size. */
export const DEFAULT_REQUESTS_PER_MINUTE = 60;

export interface ServiceAccountKey {
  client_email: string;
  private_key: string;
  private_key_id?: string;
}

export interface ClientOptions {
  /** First retry delay; doubles each retry (429 come without Retry-After). Default 1000 ms. */
  retryBaseMs?: number;
  /** Default 6: with the default delay, about a minute, the span of a per-minute quota. */
  retries?: number;
}

export interface SheetsClient {
  api: sheets_v4.Sheets;
  /** The same service account on the Drive API, for files.get modifiedTime. */
  drive: drive_v3.Drive;
  /** The service account's e-mail: what a spreadsheet must be shared with. */
  email: string;
  /** Awaited before each call, so a run stays under the quota. */
  limiter: RateLimiter;
}

/**
 * The service-account key: `keyFileEnv` names an environment variable holding the key file's
 * path, or is itself the path.
 */
export function readServiceAccountKey(source: SheetsApiSource, root: string): ServiceAccountKey {
  const fromEnv = process.env[source.keyFileEnv]?.trim();
  const path = fromEnv ? resolve(root, fromEnv) : resolve(root, source.keyFileEnv);
  if (!fromEnv && !existsSync(path)) {
    throw new ImaginEcoleError({
      fr: `Clé du compte de service introuvable : définissez la variable ${source.keyFileEnv} avec le chemin du fichier JSON de la clé (source « ${source.name} »).`,
      en: `Service-account key not found: set ${source.keyFileEnv} to the path of the JSON key file (source "${source.name}").`,
    }, EXIT.usage);
  }
  let key: Partial<ServiceAccountKey>;
  try {
    key = JSON.parse(readFileSync(path, "utf8")) as Partial<ServiceAccountKey>;
  } catch (error) {
    throw new ImaginEcoleError({
      fr: `Clé du compte de service illisible (${path}) : ${(error as Error).message}. Téléchargez à nouveau la clé JSON depuis la console Google Cloud.`,
      en: `Unreadable service-account key (${path}): ${(error as Error).message}. Download the JSON key again from the Google Cloud console.`,
    }, EXIT.usage);
  }
  if (!key.client_email || !key.private_key) {
    throw new ImaginEcoleError({
      fr: `Le fichier ${path} n'est pas une clé de compte de service (client_email et private_key manquants).`,
      en: `${path} is not a service-account key (client_email and private_key missing).`,
    }, EXIT.usage);
  }
  return key as ServiceAccountKey;
}

/**
 * The official client, signing its own JWTs (no call to Google's token endpoint), retrying 429
 * and 5xx with exponential backoff on every method, writes included.
 */
export function createSheetsClient(source: SheetsApiSource, key: ServiceAccountKey, options: ClientOptions = {}): SheetsClient {
  const limiter = new RateLimiter(source.requestsPerMinute ?? DEFAULT_REQUESTS_PER_MINUTE);
  const auth = new googleAuth.GoogleAuth({
    credentials: { client_email: key.client_email, private_key: key.private_key },
    scopes: SCOPES,
  });
  auth.useJWTAccessWithScope = true;
  const base = options.retryBaseMs ?? 1000;
  const common = {
    auth,
    ...(source.rootUrl ? { rootUrl: source.rootUrl } : {}),
    // A stalled connection on a slow link fails the request (and is retried) instead of hanging the run.
    timeout: 120_000,
    retry: true,
    retryConfig: {
      retry: options.retries ?? 6,
      httpMethodsToRetry: ["GET", "HEAD", "PUT", "POST", "DELETE", "OPTIONS"],
      statusCodesToRetry: [[408, 408], [429, 429], [500, 599]],
      noResponseRetries: 2,
      retryBackoff: async (error: GaxiosRetryError) => {
        const attempt = error.config.retryConfig?.currentRetryAttempt ?? 1;
        const delay = base * 2 ** (attempt - 1) * (0.75 + Math.random() / 2);
        await new Promise((r) => setTimeout(r, delay));
        await limiter.take();
      },
    },
  };
  return { api: sheets({ version: "v4", ...common }), drive: drive({ version: "v3", ...common }), email: key.client_email, limiter };
}

/** What the client's retryBackoff receives, as far as it reads it. */
interface GaxiosRetryError {
  config: { retryConfig?: { currentRetryAttempt?: number } };
}

interface GoogleErrorBody {
  error?: { code?: number; message?: string; status?: string; details?: { reason?: string }[] };
}

/** Turns an API failure into what the person running the pipeline can do about it. */
export function explainApiError(error: unknown, context: { spreadsheetId: string; email: string; what: string }): ImaginEcoleError {
  const response = (error as { response?: { status?: number; data?: unknown } }).response;
  const status = response?.status;
  const body = (typeof response?.data === "object" ? response.data : {}) as GoogleErrorBody;
  const reason = body.error?.details?.find((d) => d.reason)?.reason;
  const id = context.spreadsheetId;
  if (status === 403 && reason === "SERVICE_DISABLED") {
    return new ImaginEcoleError({
      fr: `L'API Google Sheets n'est pas activée dans le projet du compte de service ${context.email} (${context.what}). Activez-la dans la console Google Cloud (API et services), attendez quelques minutes, puis relancez.`,
      en: `The Google Sheets API is not enabled in the project of service account ${context.email} (${context.what}). Enable it in the Google Cloud console (APIs & Services), wait a few minutes, then run again.`,
    });
  }
  if (status === 403) {
    return new ImaginEcoleError({
      fr: `Accès refusé à la feuille ${id} (${context.what}) : partagez-la avec le compte de service ${context.email} en tant qu'Éditeur (Partager › ajouter l'adresse), puis relancez.`,
      en: `Access denied to spreadsheet ${id} (${context.what}): share it with the service account ${context.email} as Editor (Share › add the address), then run again.`,
    });
  }
  if (status === 404) {
    return new ImaginEcoleError({
      fr: `Feuille ${id} introuvable (${context.what}) : vérifiez son identifiant dans la configuration (la partie de l'adresse entre /d/ et /edit).`,
      en: `Spreadsheet ${id} not found (${context.what}): check its id in the configuration (the part of the address between /d/ and /edit).`,
    });
  }
  if (status === 429) {
    return new ImaginEcoleError({
      fr: `Quota de l'API Google Sheets dépassé pour la feuille ${id} (${context.what}), malgré les nouvelles tentatives. Relancez plus tard ou baissez « requestsPerMinute » dans la configuration.`,
      en: `Google Sheets API quota exceeded for spreadsheet ${id} (${context.what}), even after retrying. Run again later or lower "requestsPerMinute" in the configuration.`,
    });
  }
  if (status !== undefined && status >= 500) {
    return new ImaginEcoleError({
      fr: `Google Sheets ne répond pas correctement (erreur ${status}) pour la feuille ${id} (${context.what}), malgré les nouvelles tentatives. Relancez plus tard.`,
      en: `Google Sheets is failing (error ${status}) for spreadsheet ${id} (${context.what}), even after retrying. Run again later.`,
    });
  }
  const detail = body.error?.message ?? (error as Error).message ?? String(error);
  return new ImaginEcoleError({
    fr: `Échec de l'appel à Google Sheets pour la feuille ${id} (${context.what}) : ${detail}. Vérifiez la connexion et la configuration, puis relancez.`,
    en: `Google Sheets call failed for spreadsheet ${id} (${context.what}): ${detail}. Check the connection and the configuration, then run again.`,
  });
}
