import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RunContext } from "../../../src/context/run-context.ts";
import { openTestContext } from "../../support/context.ts";
import { importNationalCsv } from "../../../src/sources/national-csv/index.ts";
import type { LoadResult } from "../../../src/warehouse/batch.ts";
import type { Warehouse } from "../../../src/warehouse/warehouse.ts";

export const FIXTURES = join(import.meta.dirname, "fixtures");
export const fixture = (name: string) => join(FIXTURES, name);

export interface TestBed {
  ctx: RunContext;
  dir: string;
  /** An empty profiles folder: imports use the canonical headers unless a test writes a profile. */
  profilesDir: string;
  logs: string[];
  profile(country: string, json: unknown): void;
  importFile(path: string, country: string, options?: { dryRun?: boolean; profile?: string }): Promise<LoadResult>;
  usage(): Promise<Record<string, unknown>[]>;
  close(): void;
}

/** A fresh warehouse file in a temp folder; "today" is 28/11/2026, noon UTC. */
export async function openTestBed(): Promise<TestBed> {
  const { ctx, dir, logs, close } = await openTestContext();
  const { warehouse } = ctx;
  const profilesDir = join(dir, "profiles");
  mkdirSync(profilesDir);
  return {
    ctx,
    dir,
    profilesDir,
    logs,
    close,
    profile(country, json) {
      writeFileSync(join(profilesDir, `${country}.json`), JSON.stringify(json, null, 2));
    },
    async importFile(path, country, options = {}) {
      const results = await importNationalCsv({ ...ctx, dryRun: options.dryRun ?? false }, [path], {
        country,
        profilesDir,
        profile: options.profile,
      });
      return results[0]!;
    },
    usage() {
      return warehouse.all(
        `SELECT country_code, platform, strftime(day, '%Y-%m-%d') AS day, active_users, new_users, sessions, page_views, downloads
         FROM core.national_usage ORDER BY country_code, platform, day`,
      );
    },
  };
}

/** Every row of the tables a load may touch, to compare before and after. */
export async function snapshot(warehouse: Warehouse): Promise<string> {
  const tables = {
    usage: await warehouse.all("SELECT * EXCLUDE (day), strftime(day, '%Y-%m-%d') AS d FROM core.national_usage ORDER BY ALL"),
    platforms: await warehouse.all("SELECT * FROM core.national_platforms ORDER BY ALL"),
    rejects: await warehouse.all("SELECT * FROM ops.rejects ORDER BY ALL"),
  };
  return JSON.stringify(tables);
}

export const day = (d: string, active: number, newUsers: number | null, sessions: number | null, views: number | null, downloads: number | null, country = "SN", platform = "national") => ({
  country_code: country,
  platform,
  day: d,
  active_users: active,
  new_users: newUsers,
  sessions,
  page_views: views,
  downloads,
});
