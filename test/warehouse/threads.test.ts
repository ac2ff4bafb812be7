// IMAGINECOLE_THREADS: DuckDB's threads for every command, for a machine the pipeline shares.
import { afterEach, describe, expect, it } from "vitest";
import { ImaginEcoleError } from "../../src/core/errors.ts";
import { THREADS_ENV, Warehouse } from "../../src/warehouse/warehouse.ts";

const before = process.env[THREADS_ENV];
afterEach(() => {
  if (before === undefined) delete process.env[THREADS_ENV];
  else process.env[THREADS_ENV] = before;
});

describe(`Warehouse.open under ${THREADS_ENV}`, () => {
  it("gives DuckDB that many threads", async () => {
    for (const threads of ["1", "3"]) {
      process.env[THREADS_ENV] = threads;
      const w = await Warehouse.open(":memory:");
      try {
        expect(await w.scalar("SELECT current_setting('threads')")).toBe(Number(threads));
      } finally {
        w.close();
      }
    }
  });

  it("refuses a value that is not a number of threads, naming the variable, with exit code 2", async () => {
    for (const value of ["0", "two", "-1", "1.5"]) {
      process.env[THREADS_ENV] = value;
      const error = await Warehouse.open(":memory:").catch((e: unknown) => e);
      expect(error, value).toBeInstanceOf(ImaginEcoleError);
      expect((error as ImaginEcoleError).exitCode).toBe(2);
      expect((error as ImaginEcoleError).bilingual.en).toContain(`Invalid ${THREADS_ENV} ("${value}")`);
    }
  });
});
