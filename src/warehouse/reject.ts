import type { Bilingual } from "../core/message.ts";

/** A rejected row or cell, kept in ops.rejects with where it was and why, in both languages. */
export interface Reject {
  /** `file.csv:17`, `Formateurs!C12`, `https://lrs/statements#<id>` */
  location: string;
  column: string | null;
  value: string | null;
  /** Stored as ops.rejects.reason_fr and reason_en. */
  reason: Bilingual;
}
