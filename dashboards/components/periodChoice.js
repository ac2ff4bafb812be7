import { formatPeriod, label } from "imaginecole/core";
import { el } from "./dom.js";
import { t } from "./i18n.js";

/**
 * A labelled select of the months, quarters and years a page can be read for (rows
 * {period_type, period, period_end} of mart.indicator_periods, latest first), grouped by type. The
 * first choice, "" (the latest month), is the default. The choice is kept in the page's address
 * (`?period=2026-Q3`), so a shared link opens on the same period; a code the data does not have is
 * ignored. Usable with Framework's `view()`: `value` is the code and a change dispatches `input`.
 */
export function periodChoice(periods, { lang, id = "ie-period" }) {
  const select = el("select", { id, name: "period" },
    el("option", { value: "" }, t(lang, "period.latest")),
    ["month", "quarter", "year"].map((type) => {
      const of = periods.filter((p) => p.period_type === type);
      return of.length ? el("optgroup", { label: label(lang, "period_type", type) },
        of.map((p) => el("option", { value: p.period }, formatPeriod(lang, p.period)))) : null;
    }),
  );
  const shared = typeof location !== "undefined" ? new URL(location.href).searchParams.get("period") : null;
  if (shared && periods.some((p) => p.period === shared)) select.value = shared;
  const form = el("div", { class: "ie-period" }, el("label", { for: id }, `${t(lang, "period.label")} `), select);
  Object.defineProperty(form, "value", { get: () => select.value });
  select.addEventListener("change", () => {
    const url = new URL(location.href);
    if (select.value) url.searchParams.set("period", select.value);
    else url.searchParams.delete("period");
    history.replaceState(history.state, "", url);
    form.dispatchEvent(new Event("input", { bubbles: true }));
  });
  return form;
}
