import { BIGINT, LIST, listValue, VARCHAR } from "@duckdb/node-api";
import { createHash } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Warehouse } from "./warehouse.ts";

/** A file as ops.file_hashes knows it: where, how big, when last modified, and its hash if seen so. */
export interface FileIdentity {
  path: string;
  size: bigint;
  modifiedNs: bigint;
  sha256?: string;
}

/**
 * The sha256 of a file's content, remembered in ops.file_hashes with the file's size and
 * modification time: a file seen before and unchanged since is not read again (the quick check
 * rsync makes), so a run with nothing new stays fast however large its inputs. `remember: false`
 * (dry runs) hashes without writing.
 */
export async function contentHash(warehouse: Warehouse, path: string, options: { remember: boolean }): Promise<string> {
  const file = await knownHash(warehouse, path);
  if (file.sha256) return file.sha256;
  const sha256 = await sha256File(file.path);
  if (options.remember) await rememberHashes(warehouse, [{ file, sha256 }]);
  return sha256;
}

/** The file's identity now, with the hash remembered for it if it has not changed since. */
export async function knownHash(warehouse: Warehouse, path: string): Promise<FileIdentity> {
  const absolute = resolve(path);
  const { size, mtimeNs } = statSync(absolute, { bigint: true });
  const sha256 = await warehouse.scalar<string | undefined>(
    "SELECT sha256 FROM ops.file_hashes WHERE path = $1 AND size = $2 AND modified_ns = $3",
    [absolute, size, mtimeNs],
  );
  return { path: absolute, size, modifiedNs: mtimeNs, ...(sha256 ? { sha256 } : {}) };
}

/** The file's modification time, as a date (the last edit of a file-based source). */
export function modifiedAt(file: FileIdentity): Date {
  return new Date(Number(file.modifiedNs / 1_000_000n));
}

/** Remembers the hashes in one statement; a path comes at most once. */
export async function rememberHashes(warehouse: Warehouse, hashes: readonly { file: FileIdentity; sha256: string }[]): Promise<void> {
  if (hashes.length === 0) return;
  await warehouse.run(
    "INSERT OR REPLACE INTO ops.file_hashes SELECT unnest($paths), unnest($sizes), unnest($modified), unnest($hashes)",
    {
      paths: listValue(hashes.map((h) => h.file.path)),
      sizes: listValue(hashes.map((h) => h.file.size)),
      modified: listValue(hashes.map((h) => h.file.modifiedNs)),
      hashes: listValue(hashes.map((h) => h.sha256)),
    },
    { paths: LIST(VARCHAR), sizes: LIST(BIGINT), modified: LIST(BIGINT), hashes: LIST(VARCHAR) },
  );
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash("sha256");
    createReadStream(path, { highWaterMark: 1 << 20 })
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolvePromise(hash.digest("hex")));
  });
}
