import { el } from "./dom.js";
import { label } from "imaginecole/core";

/** A coloured badge with the status written out, so colour is never the only cue. */
export function statusBadge(lang, status) {
  return el("span", { class: `ie-status ie-status-${status ?? "no_data"}` }, label(lang, "target_status", status ?? "no_data"));
}
