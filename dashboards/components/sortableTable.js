import { el } from "./dom.js";
import { t } from "./i18n.js";

/**
 * An accessible table whose column headers sort it, with a link to download what it shows as CSV.
 * A column: {key, label, numeric?, value?(row), format?(value, row) → string | Node,
 * cellClass?(value, row) → string}. Text is inserted as text, never as HTML. A table with an `id`
 * keeps its sort in the page's address (`?sort.<id>=<key>:desc`), so a shared link shows it sorted
 * the same way.
 */
export function sortableTable(rows, columns, { lang, caption, sort = null, descending = false, id, file } = {}) {
  const value = (column, row) => (column.value ? column.value(row) : row[column.key]);
  const tbody = el("tbody");
  const headers = columns.map((column) => {
    const th = el("th", { scope: "col", class: column.numeric ? "ie-num" : null });
    const button = el("button", { type: "button", title: t(lang, "common.sortBy", { column: column.label }) }, column.label);
    button.addEventListener("click", () => {
      order(column, th.getAttribute("aria-sort") === "ascending");
      remember(column, th.getAttribute("aria-sort") === "descending");
    });
    th.append(button);
    return th;
  });
  const table = el("table", { class: "ie-table", id },
    caption ? el("caption", {}, caption) : null,
    el("thead", {}, el("tr", {}, headers)),
    tbody,
  );
  const download = el("a", { class: "ie-csv", download: `${file ?? id ?? "imaginecole"}.csv` }, t(lang, "common.downloadCsv"));
  function render(sorted) {
    tbody.replaceChildren(...sorted.map((row) => el("tr", {}, columns.map((column, i) => {
      const v = value(column, row);
      const content = column.format ? column.format(v, row) : v ?? "—";
      const classes = [column.numeric ? "ie-num" : null, column.cellClass?.(v, row)].filter(Boolean).join(" ");
      return el(i === 0 ? "th" : "td", { scope: i === 0 ? "row" : null, class: classes || null, "data-key": column.key }, content);
    }))));
    download.setAttribute("href", `data:text/csv;charset=utf-8,${encodeURIComponent(tableCsv(table))}`);
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
  function remember(column, desc) {
    if (!id || typeof history === "undefined") return;
    const url = new URL(location.href);
    url.searchParams.set(`sort.${id}`, `${column.key}${desc ? ":desc" : ""}`);
    history.replaceState(history.state, "", url);
  }
  const shared = id && typeof location !== "undefined" ? new URL(location.href).searchParams.get(`sort.${id}`) : null;
  const [sharedKey, sharedDirection] = shared?.split(":") ?? [];
  const fromLink = columns.find((c) => c.key === sharedKey);
  const initial = fromLink ?? columns.find((c) => c.key === sort);
  if (initial) order(initial, fromLink ? sharedDirection === "desc" : descending);
  else render(rows);
  return el("div", { class: "ie-table-block" }, el("div", { class: "ie-scroll" }, table), download);
}

/** The table as shown, as CSV (RFC 4180, with a byte-order mark for spreadsheets): header labels, then each row's visible text. */
export function tableCsv(table) {
  const text = (cell) => {
    const copy = cell.cloneNode(true);
    for (const hidden of copy.querySelectorAll(".ie-sr")) hidden.remove();
    return copy.textContent.replace(/\s+/g, " ").trim();
  };
  const quote = (s) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [...table.querySelectorAll("thead tr, tbody tr")].map((tr) => [...tr.children].map((c) => quote(text(c))).join(","));
  return `\ufeff${lines.join("\r\n")}\r\n`;
}
