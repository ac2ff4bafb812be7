// What a reader on a phone or a desktop meets, measured in the page itself: elements that stick out
// of the viewport, menu entries that cannot be reached, and axe-core's accessibility violations.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * Visible elements whose box leaves the viewport sideways, as `tag#id.class` with their box,
 * except inside a container that scrolls sideways (a wide table's scroll box), and whether the
 * page itself scrolls sideways.
 */
export async function offscreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width + 1) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    for (const e of document.body.querySelectorAll("*")) {
      const box = e.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      // Inside a closed <details> or display: none: not on the screen at all.
      if (!e.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true })) continue;
      if (box.left >= -1 && box.right <= width + 1) continue;
      const style = getComputedStyle(e);
      if (style.visibility === "hidden" || style.clipPath !== "none" || style.clip !== "auto") continue;
      let inside = false;
      for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
        // No named helper in here: the test runner's transform would rename it out of the page.
        if (["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(p).overflowX)) {
          const outer = p.getBoundingClientRect();
          if (outer.left >= -1 && outer.right <= width + 1) inside = true;
          break;
        }
      }
      if (inside) continue;
      const name = `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${typeof e.className === "string" && e.className ? `.${e.className.trim().split(/\s+/).join(".")}` : ""}`;
      out.push(`${name} [${Math.round(box.left)}, ${Math.round(box.right)}] of ${width}`);
    }
    return out;
  });
}

/**
 * Chart text (an axis or legend label) cut by a box that clips it: a chart's SVG, or a box that
 * scrolls, whose start cannot be scrolled to (a label left of a sideways scroll box is lost; one
 * past its right end can be scrolled to). As `text "…" [left, right] clipped by tag.class`.
 */
export async function clippedChartText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const text of document.querySelectorAll("main svg text")) {
      const box = text.getBoundingClientRect();
      if (box.width === 0 || !text.textContent?.trim()) continue;
      if (!text.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true })) continue;
      for (let p = text.parentElement; p && p !== document.body; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (style.overflowX === "visible" && style.overflowY === "visible") continue;
        const outer = p.getBoundingClientRect();
        const scrolls = style.overflowX === "auto" || style.overflowX === "scroll";
        const cut = box.left < outer.left - p.scrollLeft - 1 || box.top < outer.top - p.scrollTop - 1 || (!scrolls && box.right > outer.right + 1);
        if (cut) {
          const name = `${p.tagName.toLowerCase()}${typeof p.className === "string" && p.className ? `.${p.className.trim().split(/\s+/).join(".")}` : ""}`;
          out.push(`text "${text.textContent.trim()}" [${Math.round(box.left)}, ${Math.round(box.right)}] clipped by ${name} [${Math.round(outer.left)}, ${Math.round(outer.right)}]`);
          break;
        }
      }
    }
    return out;
  });
}

/**
 * Menu entries (pages and countries) a reader cannot reach: after opening the menu and the country
 * list as a reader would, each link is scrolled to and must be the topmost element at its centre,
 * inside the viewport. The links are scrolled to and looked at in the page, in one round trip.
 */
export async function unreachableMenuEntries(page: Page): Promise<string[]> {
  const toggle = page.locator(".ie-menu > summary");
  if (await toggle.isVisible()) await toggle.click();
  const countries = page.locator(".ie-countries > summary");
  await countries.click();
  return page.evaluate(() => {
    const missing: string[] = [];
    for (const a of document.querySelectorAll(".ie-nav a")) {
      // As Playwright's scrollIntoViewIfNeeded: centred, and only when not already in view.
      const scroll = (a as Element & { scrollIntoViewIfNeeded?: (center?: boolean) => void }).scrollIntoViewIfNeeded;
      if (scroll) scroll.call(a, true);
      else a.scrollIntoView({ block: "center", inline: "center" });
      const box = a.getBoundingClientRect();
      let ok = box.width > 0 && box.height > 0;
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      if (x < 0 || y < 0 || x > document.documentElement.clientWidth || y > window.innerHeight) ok = false;
      if (ok) {
        const top = document.elementFromPoint(x, y);
        ok = top === a || a.contains(top);
      }
      if (!ok) missing.push(a.getAttribute("href") ?? "");
    }
    return missing;
  });
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * axe-core's WCAG 2.1 A and AA violations of the page. axe is evaluated by the test, not added as a
 * <script>: the site's Content-Security-Policy stays as served.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    // Only the violations are gathered in full: the passes and the rules that do not apply are not
    // read, and listing each of their nodes is most of axe's time on a long page.
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
  });
}
