import { dirname, resolve } from "node:path";
import { EXIT, ImaginEcoleError } from "../../core/errors.ts";
import type { Lang } from "../../core/lang.ts";
import { say } from "../../core/message.ts";
import { acquireRunLock } from "../../schedule/index.ts";
import { backupWarehouse } from "../../warehouse/backup.ts";
import { Warehouse } from "../../warehouse/warehouse.ts";
import { dbPath, ROOT, runLockPath, writable, type GlobalOptions } from "../context.ts";
import { lockedError } from "./run.ts";

/**
 * `imaginecole backup --out DIR`: a consistent copy of the warehouse, taken under the run lock so
 * no run is halfway through it (a read-only warehouse, which no run can change, needs no lock).
 * Restoring it is in docs/operations.md.
 */
export async function backupCommand(options: GlobalOptions, lang: Lang, o: { out: string }): Promise<void> {
  const path = dbPath(options);
  const outDir = resolve(ROOT, o.out);
  if (outDir === dirname(path)) {
    throw new ImaginEcoleError({
      fr: `Mettez la sauvegarde ailleurs que dans le dossier de l'entrepôt (${outDir}) : sur un autre disque si possible.`,
      en: `Put the backup somewhere else than the warehouse's folder (${outDir}): on another disk if you can.`,
    }, EXIT.usage);
  }
  const readOnly = !writable(path);
  const lock = readOnly ? { release: async () => {} } : await acquireRunLock(runLockPath(options));
  if (!lock) throw await lockedError(options);
  try {
    const warehouse = await Warehouse.open(path, { readOnly });
    try {
      const backup = await backupWarehouse(warehouse, outDir);
      process.stdout.write(`${backup.path}\n`);
      process.stdout.write(say(lang, {
        fr: `Sauvegarde relue : ${backup.loads} chargements. Pour la restaurer : docs/operations.md, « Sauvegarder et restaurer l'entrepôt ».\n`,
        en: `Backup read back: ${backup.loads} loads. To restore it: docs/operations.md, "Back up and restore the warehouse".\n`,
      }));
    } finally {
      warehouse.close();
    }
  } finally {
    await lock.release();
  }
}
