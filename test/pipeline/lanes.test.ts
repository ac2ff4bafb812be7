import { describe, expect, it } from "vitest";
import { laneOf } from "../../src/pipeline/run.ts";
import type { SourceConfig } from "../../src/sources/registry.ts";

const lane = (kind: string) => laneOf({ kind, name: kind } as SourceConfig);

describe("laneOf", () => {
  it("puts every kind that writes usage events in one lane, so their duplicates are found against committed rows", () => {
    expect(new Set(["xapi-files", "xapi-lrs", "moodle-log-files"].map(lane))).toEqual(new Set([lane("xapi-files")]));
  });

  it("gives national exports, country sheets (files or API) and usage events a lane each", () => {
    expect(lane("sheet-files")).toBe(lane("sheets-api"));
    expect(new Set([lane("national-csv"), lane("sheet-files"), lane("xapi-files")]).size).toBe(3);
  });

});
