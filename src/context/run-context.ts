import type { Lang } from "../core/lang.ts";
import type { Keyer } from "../privacy/keyed-hash.ts";
import type { Warehouse } from "../warehouse/warehouse.ts";
import type { Progress } from "./progress.ts";

/** What every connector gets from the command line: where to write, how to speak, how to hash. */
export interface RunContext {
  warehouse: Warehouse;
  lang: Lang;
  /** Pseudonymises names, e-mails and accounts before anything is stored. */
  keyer: Keyer;
  /** Progress and notes for people, on stderr; already in `lang` (`say(ctx, { fr, en })`, src/core/message.ts). */
  log: (message: string) => void;
  /** `check`: do everything, then roll back: nothing is written. */
  dryRun: boolean;
  /** Today, injectable so tests and demo data agree on "now". */
  now: Date;
  /** The project folder paths in the configuration are relative to. */
  root: string;
  /** The programme phase (ISO dates): dates outside it are suspect. */
  phase?: { start: string; end: string };
  /** A bar for long steps on a terminal; absent or silent elsewhere. */
  progress?: Progress;
}
