// The bottleneck page's key content as HTML: every flag, most severe first, with its finding, and
// each rule with its threshold and recommended action.
import { formatDate, label, pick } from "imaginecole/core";
import { sortFlags } from "../../components/flags.ts";
import { countryName, t } from "../../components/i18n.ts";
import { bottlenecksData, countriesData, rulesData, type Flag } from "./datasets.ts";
import { html } from "./html.ts";
import type { PageRequest, StaticPage } from "./page-loader.ts";
import { severityBadge, staticTable } from "./static-parts.ts";

export async function bottlenecksPage({ db, edition, lang }: PageRequest): Promise<StaticPage> {
  const countries = new Map((await countriesData(db, edition)).map((c) => [c.country_code, c]));
  const flags = await bottlenecksData(db, edition);
  const rules = await rulesData(db, edition);
  const listed = sortFlags(lang, flags.map((f) => ({ ...f, country: countryName(lang, countries.get(f.country_code), f.country_code) })));
  const counts = new Map<string, number>();
  for (const f of flags) counts.set(f.rule_id, (counts.get(f.rule_id) ?? 0) + 1);
  type Listed = Flag & { country: string };
  return {
    title: t(lang, "bottlenecks.title"),
    blocks: {
      flags: flags.length === 0
        ? html`<p class="ie-empty">${t(lang, "bottlenecks.none")}</p>`
        : staticTable<Listed>("ie-static-flags", t(lang, "bottlenecks.flags"), [
            { label: t(lang, "common.country"), cell: (f) => html`<a href="./pays/${f.country_code}#bottlenecks">${f.country}</a>` },
            { label: t(lang, "bottlenecks.severity"), cell: (f) => severityBadge(lang, f.severity) },
            { label: t(lang, "bottlenecks.message"), cell: (f) => pick(lang, { fr: f.message_fr, en: f.message_en }) },
            { label: t(lang, "bottlenecks.rule"), cell: (f) => html`<a href="#rule-${f.rule_id}">${label(lang, "rule", f.rule_id)}</a>` },
            { label: t(lang, "bottlenecks.since"), cell: (f) => formatDate(lang, f.since) },
          ], listed),
      rules: html`<dl class="ie-rules" id="ie-rules">${rules.map((r) => html`
<dt id="rule-${r.rule_id}">${label(lang, "rule", r.rule_id)} <small>${t(lang, "bottlenecks.flagCount", { n: counts.get(r.rule_id) ?? 0 })}</small></dt>
${r.threshold_fr ? html`<dd class="ie-threshold"><strong>${t(lang, "bottlenecks.threshold")}</strong> ${pick(lang, { fr: r.threshold_fr, en: r.threshold_en ?? "" })}</dd>` : ""}
<dd class="ie-action"><strong>${t(lang, "bottlenecks.action")}</strong> ${pick(lang, { fr: r.action_fr, en: r.action_en })}</dd>`)}
</dl>`,
    },
  };
}
