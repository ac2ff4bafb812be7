import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  editionEnv, editionFromEnv, editionMarkdown, editionPages, INTERNAL, shows, type Edition,
} from "../../dashboards/components/edition.ts";
import { renderHeader } from "../../dashboards/components/header.ts";
import { ImaginEcoleError } from "../../src/core/errors.ts";
import { editionOf, publishTargets, siteSettings } from "../../src/config/site.ts";
import { ROOT } from "../support/cli.ts";

const PUBLIC: Edition = { name: "public", bottlenecks: false };
const PUBLIC_WITH_FLAGS: Edition = { name: "public", bottlenecks: true };

describe("what each edition shows", () => {
  it("the internal edition shows everything; the public one bottlenecks only when configured, never the staff's content", () => {
    expect(shows(INTERNAL, "staff") && shows(INTERNAL, "bottlenecks")).toBe(true);
    expect(shows(PUBLIC, "staff") || shows(PUBLIC, "bottlenecks")).toBe(false);
    expect(shows(PUBLIC_WITH_FLAGS, "bottlenecks")).toBe(true);
    expect(shows(PUBLIC_WITH_FLAGS, "staff")).toBe(false);
  });

  it("lists the menu pages of each edition", () => {
    const slugs = (e: Edition) => editionPages(e).map((p) => p.slug);
    expect(slugs(INTERNAL)).toEqual(["", "goulots", "formation", "ressources", "adoption", "qualite", "snapshots"]);
    expect(slugs(PUBLIC)).toEqual(["", "formation", "ressources", "adoption"]);
    expect(slugs(PUBLIC_WITH_FLAGS)).toEqual(["", "goulots", "formation", "ressources", "adoption"]);
  });

  it("leaves the pages an edition does not build out of its menu", () => {
    const menu = renderHeader("/fr/", [], editionPages(PUBLIC));
    expect(menu).toContain('href="/fr/formation"');
    expect(menu).not.toMatch(/qualite|snapshots|goulots/);
  });

  it("travels from the builder to Framework and the loaders in the environment", () => {
    for (const e of [INTERNAL, PUBLIC, PUBLIC_WITH_FLAGS]) expect(editionFromEnv(editionEnv(e))).toEqual(e);
    expect(editionFromEnv({})).toEqual(INTERNAL);
    expect(() => editionFromEnv({ IMAGINECOLE_EDITION: "draft" })).toThrow(/unknown edition: draft/);
  });
});

describe("editionMarkdown(page, edition)", () => {
  const page = [
    "# Title",
    "<!-- only:staff -->",
    "## Rejects",
    "```js",
    "display(data.rejects);",
    "```",
    "<!-- /only -->",
    "<!-- only:bottlenecks -->",
    "## Flags",
    "<!-- /only -->",
    "```js",
    "const columns = [",
    "  { key: \"name\" },",
    "  { key: \"flags\" }, // only:bottlenecks",
    "];",
    "```",
    "",
  ].join("\n");

  it("keeps every section and line in the internal edition, without the marks", () => {
    const out = editionMarkdown(page, INTERNAL);
    expect(out).toContain("## Rejects");
    expect(out).toContain("## Flags");
    expect(out).toContain('{ key: "flags" }');
    expect(out).not.toContain("<!--");
  });

  it("takes the staff's sections, and the bottleneck ones unless configured, out of the public edition", () => {
    const out = editionMarkdown(page, PUBLIC);
    expect(out).not.toMatch(/Rejects|rejects|Flags|"flags"/);
    expect(out).toContain('{ key: "name" }');
    expect(out).toContain("# Title");
    const flags = editionMarkdown(page, PUBLIC_WITH_FLAGS);
    expect(flags).toContain("## Flags");
    expect(flags).toContain('{ key: "flags" }');
    expect(flags).not.toContain("Rejects");
  });

  it("refuses an unknown or unclosed mark rather than publish what it should have hidden", () => {
    expect(() => editionMarkdown("<!-- only:staf -->x<!-- /only -->", PUBLIC)).toThrow(/only:staf/);
    expect(() => editionMarkdown("<!-- only:staff -->\n## Rejects\n", PUBLIC)).toThrow(/not closed/);
    expect(() => editionMarkdown("x // only:everyone", PUBLIC)).toThrow(/only:everyone/);
  });

  it("applies to the dashboard's own pages: the public country page keeps no staff section", () => {
    const country = readFileSync(join(ROOT, "dashboards", "[lang]", "pays", "[code].page.md"), "utf8");
    const out = editionMarkdown(country, PUBLIC);
    expect(out).not.toMatch(/data\.(rejects|loads|activities|bottlenecks)/);
    expect(out).toMatch(/data\.indicators/);
    expect(editionMarkdown(country, INTERNAL)).toMatch(/data\.rejects/);
  });
});

describe("the site section of the configuration", () => {
  it("defaults to a public edition without bottlenecks and to no publishing", () => {
    expect(siteSettings(undefined, "x.json")).toEqual({ public: { bottlenecks: false }, publish: [] });
    expect(editionOf("public", siteSettings({ public: { bottlenecks: true } }, "x.json"))).toEqual(PUBLIC_WITH_FLAGS);
    expect(editionOf("internal", siteSettings({}, "x.json"))).toEqual(INTERNAL);
  });

  it("names where the production example publishes each edition", () => {
    const config = JSON.parse(readFileSync(join(ROOT, "pipelines", "production.example.json"), "utf8"));
    expect(publishTargets(siteSettings(config.site, "production.example.json"), ROOT)).toEqual([
      { edition: PUBLIC, to: "/srv/imaginecole/public" },
      { edition: INTERNAL, to: "/srv/imaginecole/internal" },
    ]);
    expect(publishTargets(siteSettings({ publish: [{ edition: "public", to: "www/public" }] }, "x"), "/opt/ie")[0]!.to)
      .toBe("/opt/ie/www/public");
  });

  it("says which setting is wrong, as a configuration error", () => {
    const error = (() => {
      try {
        siteSettings({ public: { bottleneck: true }, publish: [{ edition: "draft", to: "x" }] }, "prod.json");
      } catch (e) {
        return e;
      }
    })() as ImaginEcoleError;
    expect(error).toBeInstanceOf(ImaginEcoleError);
    expect(error.exitCode).toBe(2);
    expect(error.bilingual.en).toContain("prod.json");
    expect(error.bilingual.en).toMatch(/site\.public/);
    expect(error.bilingual.en).toMatch(/site\.publish\.0\.edition/);
  });
});
