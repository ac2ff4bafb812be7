import { describe, expect, it } from "vitest";
import { t } from "../../dashboards/components/i18n.ts";
import { label } from "../../src/core/labels.ts";
import { pathLang, renderHeader, switchPath } from "../../dashboards/components/header.ts";

describe("t", () => {
  it("fills placeholders", () => {
    expect(t("en", "quality.rejectsShown", { shown: 5, total: 9 })).toBe("5 most recent rejects out of 9.");
  });
  it("names the approved status in the footer with the label every output uses", () => {
    expect(t("fr", "site.footer", { approved: label("fr", "approval", "approved") })).toContain("« Validé »");
    expect(t("en", "site.footer", { approved: label("en", "approval", "approved") })).toContain("“Approved”");
  });
});

describe("the page header", () => {
  it("finds the language in the path", () => {
    expect(pathLang("/en/pays/BF")).toBe("en");
    expect(pathLang("/fr/")).toBe("fr");
    expect(pathLang("/index")).toBe("fr");
  });
  it("switches to the same page in the other language", () => {
    expect(switchPath("/fr/pays/BF", "en")).toBe("/en/pays/BF");
    expect(switchPath("/en/index", "fr")).toBe("/fr/");
    expect(switchPath("/fr/qualite", "en")).toBe("/en/qualite");
  });
  it("escapes country names and marks the current page", () => {
    const html = renderHeader("/en/pays/XX", [{ country_code: "XX", name_fr: "X", name_en: "<b>X</b>" }]);
    expect(html).toContain("&#60;b&#62;X&#60;/b&#62;");
    expect(html).not.toContain("<b>");
    expect(html).toMatch(/href="\/en\/pays\/XX" aria-current="page"/);
    expect(html).toContain('href="/fr/pays/XX"');
  });
});
