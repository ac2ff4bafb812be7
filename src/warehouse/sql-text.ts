/** A string as a DuckDB SQL literal: quotes doubled, no other escape exists. For the rare text that cannot be a bound parameter. */
export function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
