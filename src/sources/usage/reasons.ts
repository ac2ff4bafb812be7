import type { Bilingual } from "../../core/message.ts";

/** Why a statement or log row was rejected: the column it names and what to do, in both languages. */
export interface Reason extends Bilingual {
  column: string | null;
}
