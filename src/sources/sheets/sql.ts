import { sqlFile, type Sql } from "../../warehouse/sql-file.ts";

/** The statements of `sql/<name>.sql`, in order (a file holds one or more, each ending with `;`). */
export function statements(name: string): Sql[] {
  return sqlFile(import.meta.url, `sql/${name}.sql`).split();
}
