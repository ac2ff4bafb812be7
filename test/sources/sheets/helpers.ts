import { generateKeyPairSync } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { openTestContext, type TestContext } from "../../support/context.ts";

export const ROOT = resolve(import.meta.dirname, "../../..");
export const PHASE = { start: "2025-06-01", end: "2027-12-31" };
export const SA_EMAIL = "imaginecole-sync@imaginecole-test.iam.gserviceaccount.com";

export type { TestContext } from "../../support/context.ts";

/** A run context on a fresh warehouse (in memory unless `file`), in French, paths relative to the project. */
export function openContext(options: { dryRun?: boolean; now?: string; file?: boolean } = {}): Promise<TestContext> {
  return openTestContext({ lang: "fr", root: ROOT, now: options.now ?? "2026-11-28T10:00:00Z", dryRun: options.dryRun, file: options.file });
}

let privateKeyPem: string | undefined;

/** A service-account key file with an RSA key generated for this test run: signs real JWTs, reaches nothing. */
export function fakeServiceAccount(dir: string): string {
  privateKeyPem ??= generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }) as string;
  const path = join(dir, "service-account.json");
  writeFileSync(path, JSON.stringify({
    type: "service_account",
    project_id: "imaginecole-test",
    private_key_id: "0123456789abcdef",
    private_key: privateKeyPem,
    client_email: SA_EMAIL,
    client_id: "100000000000000000001",
    token_uri: "https://oauth2.googleapis.com/token",
  }));
  return path;
}

/** Serial number of a date, as the API returns it with UNFORMATTED_VALUE. */
export function serial(iso: string): number {
  return (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
}
