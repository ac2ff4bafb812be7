// What a page loader writes around its template (dashboards/data/lib/page-loader.ts, html.ts).
import { describe, expect, it } from "vitest";
import { html } from "../../dashboards/data/lib/html.ts";
import { fillTemplate } from "../../dashboards/data/lib/page-loader.ts";

const TEMPLATE = `---
title: ImaginEcole
---

\`\`\`js
const caption = \`\${t(lang, "overview.title")} · 2026\`;
\`\`\`

<h1>\${t(lang, "overview.title")}</h1>

<!-- static:headline -->

<p>\${t(lang, "overview.statusRule", { onTrack })}</p>
`;

// Framework's `${…}` stands in these strings as text, as it does in a page.
const EXPR = "$";

describe("fillTemplate", () => {
  const page = { title: "Vue d'ensemble", blocks: { headline: html`<p id="h">${`Côte d'Ivoire ${EXPR}{alert(1)} <b>`}</p>` } };

  it("writes the title, the blocks and the language-only words, and leaves code and expressions with values alone", () => {
    const out = fillTemplate(TEMPLATE, "fr", page);
    expect(out).toMatch(/^---\ntitle: "Vue d'ensemble"\n---\n/);
    expect(out).toContain("<h1>Vue d&#39;ensemble</h1>");
    expect(out).toContain(`const caption = \`${EXPR}{t(lang, "overview.title")} · 2026\`;`);
    expect(out).toContain(`<p>${EXPR}{t(lang, "overview.statusRule", { onTrack })}</p>`);
    expect(fillTemplate(TEMPLATE, "en", page)).toContain("<h1>Overview</h1>");
  });

  it("escapes text from the warehouse so that it can write neither markup nor a Framework expression", () => {
    const out = fillTemplate(TEMPLATE, "fr", page);
    expect(out).toContain('<p id="h">Côte d&#39;Ivoire &#36;{alert(1)} &#60;b&#62;</p>');
    expect(out).not.toContain(`${EXPR}{alert`);
  });

  it("refuses a template whose mark has no block", () => {
    expect(() => fillTemplate(TEMPLATE, "fr", { title: "x", blocks: {} })).toThrow(/static:headline/);
  });
});

describe("html", () => {
  it("joins lists, leaves out null and false, and keeps one HTML block (no blank line)", () => {
    const out = html`<ul>${["a", null, false, html`<li>b</li>`]}</ul>\n\n<p>${2}</p>`;
    expect(out.markup).toBe("<ul>a<li>b</li></ul>\n<p>2</p>");
  });
});
