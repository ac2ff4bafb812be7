import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { coordinatorJobs } from "../../src/cli/commands/coordinator-jobs.ts";
import type { PipelinesConfig } from "../../src/config/pipelines.ts";
import { ROOT } from "../support/cli.ts";

describe("imaginecole schedule with the coordinator's outputs", () => {
  const config = JSON.parse(readFileSync(join(ROOT, "pipelines/demo.json"), "utf8")) as PipelinesConfig;

  it("runs the note and the digests on their own cron lines", () => {
    const jobs = coordinatorJobs({}, "fr", config, () => {});
    expect(jobs.map((j) => [j.name, j.cron])).toEqual([["note", "0 7 12 * *"], ["digest", "0 8 12 * *"]]);
  });

  it("schedules nothing for them when the configuration gives no cron line", () => {
    expect(coordinatorJobs({}, "fr", { ...config, coordinator: undefined }, () => {})).toEqual([]);
  });
});
