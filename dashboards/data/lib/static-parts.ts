// Pieces of the HTML page loaders write, drawn as the page's components draw them (statusBadge.js,
// sortableTable.js) so that the styles apply before and without JavaScript.
import { label, type Lang } from "imaginecole/core";
import { html, type Html } from "./html.ts";

/** A target status written out in its coloured badge. */
export function statusBadge(lang: Lang, status: string | null): Html {
  const s = status ?? "no_data";
  return html`<span class="ie-status ie-status-${s}">${label(lang, "target_status", s)}</span>`;
}

/** A flag's severity written out in its coloured badge. */
export function severityBadge(lang: Lang, severity: string): Html {
  return html`<span class="ie-status ie-severity-${severity}">${label(lang, "severity", severity)}</span>`;
}

export interface Column<T> {
  label: string;
  numeric?: boolean;
  cell: (row: T) => Html | string | number | null;
  cellClass?: (row: T) => string | null;
}

/**
 * A plain table of what the page's sortable table will show (its first column as row headers),
 * inside a block the page's JavaScript replaces with the sortable one.
 */
export function staticTable<T>(id: string, caption: string, columns: Column<T>[], rows: T[]): Html {
  const head = columns.map((c) => html`<th scope="col"${c.numeric ? html` class="ie-num"` : ""}>${c.label}</th>`);
  const body = rows.map((row) => html`<tr>${columns.map((c, i) => {
    const classes = [c.numeric ? "ie-num" : null, c.cellClass?.(row)].filter(Boolean).join(" ");
    const attrs = html`${i === 0 ? html` scope="row"` : ""}${classes ? html` class="${classes}"` : ""}`;
    const content = c.cell(row) ?? "—";
    return i === 0 ? html`<th${attrs}>${content}</th>` : html`<td${attrs}>${content}</td>`;
  })}</tr>`);
  return html`<div class="ie-static ie-table-block" id="${id}"><div class="ie-scroll">
<table class="ie-table"><caption>${caption}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>
</div></div>`;
}
