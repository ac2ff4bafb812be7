import { el } from "./dom.js";
import { label } from "imaginecole/core";

/** A coloured badge with the status written out, so colour is never the only cue. */
export function statusBadge(lang, status) {
  return el("span", { class: `ie-status ie-status-${status ?? "no_data"}` }, label(lang, "target_status", status ?? "no_data"));
}

/** A bottleneck flag's severity as a coloured badge with its name written out. */
export function severityBadge(lang, severity) {
  return el("span", { class: `ie-status ie-severity-${severity}` }, label(lang, "severity", severity));
}
