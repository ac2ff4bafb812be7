/** Why a statement or log row was rejected: the column it names and what to do, in both languages. */
export interface Reason {
  column: string | null;
  fr: string;
  en: string;
}
