import { describe, expect, it } from "vitest";
import { regionalTotals } from "../../dashboards/data/lib/regional-totals.ts";

const point = (country_code: string, period: string, value: number | null, target: number | null = null) =>
  ({ country_code, indicator_id: "monthly_active_users", period, value, target });

describe("regionalTotals(points)", () => {
  it("adds up the countries that reported a month, value and target alike", () => {
    const [total] = regionalTotals([point("BF", "2026-10", 100, 120), point("ML", "2026-10", 50, 80)]);
    expect(total).toMatchObject({ value: 150, target: 200, countries: 2, change: null });
  });

  it("does not show a missing report as a fall: the change counts countries reporting both months", () => {
    const totals = regionalTotals([
      point("BF", "2026-09", 100, 110), point("TD", "2026-09", 400, 400),
      point("BF", "2026-10", 120, 120), point("TD", "2026-10", null, 420),
    ]);
    const october = totals.find((t) => t.period === "2026-10")!;
    // 120 − 100 = +20 for BF; TD has no October figure, so neither its value nor its target counts.
    expect(october).toMatchObject({ value: 120, target: 120, countries: 1, change: 20 });
  });

  it("finds December as the month before January", () => {
    const totals = regionalTotals([point("BF", "2025-12", 10), point("BF", "2026-01", 15)]);
    expect(totals.find((t) => t.period === "2026-01")!.change).toBe(5);
  });
});
