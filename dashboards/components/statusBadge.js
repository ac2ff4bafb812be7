import { el } from "./dom.js";
import { label } from "./i18n.js";

/** A coloured badge with the status written out, so colour is never the only cue. */
export function statusBadge(lang, status) {
  return el("span", { class: `ie-status ie-status-${status ?? "no_data"}` }, label(lang, "status", status ?? "no_data"));
}
