import { el } from "./dom.js";
import { t } from "./i18n.js";

/**
 * An accessible table whose column headers sort it. A column: {key, label, numeric?, value?(row),
 * format?(value, row) → string | Node, cellClass?(value, row) → string}. Text is inserted as text,
 * never as HTML.
 */
export function sortableTable(rows, columns, { lang, caption, sort = null, descending = false, id } = {}) {
  const value = (column, row) => (column.value ? column.value(row) : row[column.key]);
  const tbody = el("tbody");
  const headers = columns.map((column) => {
    const th = el("th", { scope: "col", class: column.numeric ? "ie-num" : null });
    const button = el("button", { type: "button", title: t(lang, "common.sortBy", { column: column.label }) }, column.label);
    button.addEventListener("click", () => order(column, th.getAttribute("aria-sort") === "ascending"));
    th.append(button);
    return th;
  });
  const table = el("table", { class: "ie-table", id },
    caption ? el("caption", {}, caption) : null,
    el("thead", {}, el("tr", {}, headers)),
    tbody,
  );
  function render(sorted) {
    tbody.replaceChildren(...sorted.map((row) => el("tr", {}, columns.map((column, i) => {
      const v = value(column, row);
      const content = column.format ? column.format(v, row) : v ?? "—";
      const classes = [column.numeric ? "ie-num" : null, column.cellClass?.(v, row)].filter(Boolean).join(" ");
      return el(i === 0 ? "th" : "td", { scope: i === 0 ? "row" : null, class: classes || null, "data-key": column.key }, content);
    }))));
  }
  function order(column, desc) {
    headers.forEach((th) => th.removeAttribute("aria-sort"));
    headers[columns.indexOf(column)].setAttribute("aria-sort", desc ? "descending" : "ascending");
    const collator = new Intl.Collator(lang);
    const sorted = [...rows].sort((a, b) => {
      const x = value(column, a), y = value(column, b);
      if (x == null) return 1;
      if (y == null) return -1;
      const c = typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y));
      return desc ? -c : c;
    });
    render(sorted);
  }
  const initial = columns.find((c) => c.key === sort);
  if (initial) order(initial, descending);
  else render(rows);
  return el("div", { class: "ie-scroll" }, table);
}
