import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../src/export/chromium.ts";
import { clippedChartText } from "./layout.ts";

// The layout helpers on pages made for them, at a phone's width: what they report can be wrong.
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/** A chart 520 px wide in a sideways scroll box, its legend's labels at `x` (the legend's own coordinates). */
const chart = (labels: [string, number][], svgOverflow = "visible") => `<main><div style="overflow-x:auto;margin:0 16px">
  <svg width="520" height="60" style="overflow:${svgOverflow};display:block">
    ${labels.map(([text, x]) => `<text x="${x}" y="30" text-anchor="middle" font-size="10">${text}</text>`).join("")}
  </svg></div></main>`;

describe("clippedChartText(page)", () => {
  it("finds a label cut at the start of a scroll box, and none that can be scrolled to", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await page.setContent(chart([["0 %", 0], ["50 %", 260], ["100 %", 515]]));
      expect(await clippedChartText(page)).toEqual([expect.stringMatching(/^text "0 %" .* clipped by div/)]);
      await page.setContent(chart([["0 %", 16], ["100 %", 500]]));
      expect(await clippedChartText(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("finds a label cut by its own chart's edge", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await page.setContent(chart([["Région : Tambacounda", 40]], "hidden"));
      expect(await clippedChartText(page)).toEqual([expect.stringMatching(/^text "Région : Tambacounda" .* clipped by svg/)]);
    } finally {
      await page.close();
    }
  });
});
