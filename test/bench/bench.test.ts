import { describe, expect, it } from "vitest";
import { benchNationalCsv } from "./national-csv.bench.ts";
import { benchXapi } from "./xapi.bench.ts";

// `npm run bench` at a tiny size: the generated inputs load in full (else the benchmark would time
// the path for files with rejects), and every figure is reported. No time is asserted.
describe("npm run bench, smoke", () => {
  it("imports every generated xAPI statement and reports it against its floor", async () => {
    const [result] = await benchXapi([3000], { runs: 2 });
    expect(result).toMatchObject({ statements: 3000, rowsLoaded: 3000, memoryLimit: "1GB" });
    expect(result!.floorSeconds).toBeGreaterThan(0);
    expect(result!.ratio).toBeCloseTo(result!.importSeconds / result!.floorSeconds, 6);
    expect(result!.peakRssMb).toBeGreaterThan(0);
  });

  it("imports every row of the generated national export and reports it against its floor", async () => {
    const result = await benchNationalCsv(3000, 2);
    expect(result).toMatchObject({ size: 3000, goal: 1.5 });
    expect(result.floorMs).toBeGreaterThan(0);
    expect(result.ratio).toBeGreaterThan(0);
  });
});
