import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { RunContext } from "../../../src/pipeline/context.ts";
import { createKeyer } from "../../../src/privacy/keyed-hash.ts";
import { Warehouse } from "../../../src/warehouse/warehouse.ts";

export const ROOT = resolve(import.meta.dirname, "../../..");
export const PHASE = { start: "2025-06-01", end: "2027-12-31" };
export const SA_EMAIL = "imaginecole-sync@imaginecole-test.iam.gserviceaccount.com";

export interface TestContext {
  ctx: RunContext;
  dir: string;
  logs: string[];
  close(): void;
}

/** A run context on a fresh DuckDB file in a temp folder. */
export async function openContext(options: { dryRun?: boolean; now?: string } = {}): Promise<TestContext> {
  const dir = mkdtempSync(join(tmpdir(), "imaginecole-sheets-"));
  const warehouse = await Warehouse.open(join(dir, "warehouse.duckdb"));
  const logs: string[] = [];
  const ctx: RunContext = {
    warehouse,
    lang: "fr",
    keyer: createKeyer("test-key"),
    log: (m) => void logs.push(m),
    dryRun: options.dryRun ?? false,
    now: new Date(options.now ?? "2026-11-28T10:00:00Z"),
    root: ROOT,
  };
  return {
    ctx, dir, logs,
    close: () => {
      warehouse.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
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
