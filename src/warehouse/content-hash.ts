import { createHash } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Warehouse } from "./warehouse.ts";

/**
 * The sha256 of a file's content, remembered in ops.file_hashes with the file's size and
 * modification time: a file seen before and unchanged since is not read again (the quick check
 * rsync makes), so a run with nothing new stays fast however large its inputs. `remember: false`
 * (dry runs) hashes without writing.
 */
export async function contentHash(warehouse: Warehouse, path: string, options: { remember: boolean }): Promise<string> {
  const absolute = resolve(path);
  const { size, mtimeNs } = statSync(absolute, { bigint: true });
  const known = await warehouse.scalar<string | undefined>(
    "SELECT sha256 FROM ops.file_hashes WHERE path = $1 AND size = $2 AND modified_ns = $3",
    [absolute, size, mtimeNs],
  );
  if (known) return known;
  const sha256 = await sha256File(absolute);
  if (options.remember) {
    await warehouse.run("INSERT OR REPLACE INTO ops.file_hashes VALUES ($1, $2, $3, $4)", [absolute, size, mtimeNs, sha256]);
  }
  return sha256;
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
