import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sideBySide } from "../../src/context/side-by-side.ts";
import type { Warehouse } from "../../src/warehouse/warehouse.ts";
import { openTestContext, type TestContext } from "../support/context.ts";

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
  await t.ctx.warehouse.run("CREATE TABLE main.done (item VARCHAR)");
});
afterEach(() => t.close());

const laneOfItem = (item: string) => item[0]!;

/** Resolves once `count` callers have arrived; fails when they do not all arrive within a few seconds. */
function meeting(count: number): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const all = new Promise<void>((resolve) => (open = resolve));
  return () => {
    arrived += 1;
    if (arrived === count) open();
    const late = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("the lanes did not run at the same time")), 5000).unref());
    return Promise.race([all, late]);
  };
}

describe("sideBySide", () => {
  it("runs the lanes at the same time, each in transactions of its own connection on one DuckDB thread, and returns results in the items' order", async () => {
    const meet = meeting(2);
    const connections = new Map<string, Warehouse[]>();
    const threads = async () => Number(await t.ctx.warehouse.scalar("SELECT current_setting('threads')"));
    await t.ctx.warehouse.run("SET threads = 2");
    const threadsSeen: number[] = [];
    const results = await sideBySide(t.ctx, ["a1", "b1", "a2", "b2"], laneOfItem, async (own, item) => {
      connections.set(item[0]!, [...(connections.get(item[0]!) ?? []), own.warehouse]);
      threadsSeen.push(await threads());
      return own.warehouse.transaction(async () => {
        await own.warehouse.run("INSERT INTO main.done VALUES ($1)", [item]);
        // Both lanes' first items hold a transaction open here at once: one connection could not.
        if (item.endsWith("1")) await meet();
        return item.toUpperCase();
      });
    });
    expect(results).toEqual(["A1", "B1", "A2", "B2"]);
    // One DuckDB thread a statement while the lanes run, as many as before once they are done.
    expect(threadsSeen).toEqual([1, 1, 1, 1]);
    expect(await threads()).toBe(2);
    const [a, b] = [connections.get("a")!, connections.get("b")!];
    expect(a[0]).toBe(a[1]);
    expect(b[0]).toBe(b[1]);
    expect(a[0]).not.toBe(b[0]);
    expect(a[0]).not.toBe(t.ctx.warehouse);
    const done = await t.ctx.warehouse.all<{ item: string }>("SELECT item FROM main.done ORDER BY item");
    expect(done.map((r) => r.item)).toEqual(["a1", "a2", "b1", "b2"]);
  });

  it("lets the other lanes finish when one fails, keeps what they committed, then throws the failure", async () => {
    const run = sideBySide(t.ctx, ["a1", "b1", "a2"], laneOfItem, async (own, item) => {
      if (item === "b1") throw new Error("b1 cannot be read");
      await own.warehouse.run("INSERT INTO main.done VALUES ($1)", [item]);
      return item;
    });
    await expect(run).rejects.toThrow("b1 cannot be read");
    const done = await t.ctx.warehouse.all<{ item: string }>("SELECT item FROM main.done ORDER BY item");
    expect(done.map((r) => r.item)).toEqual(["a1", "a2"]);
  });

  it("runs a single lane on the context's own connection", async () => {
    const used = await sideBySide(t.ctx, ["a1", "a2"], laneOfItem, async (own) => own.warehouse);
    expect(used).toEqual([t.ctx.warehouse, t.ctx.warehouse]);
  });
});

describe("Warehouse.connect", () => {
  it("gives a connection with its own transactions and UTC time, whose closing leaves the warehouse open", async () => {
    const other = await t.ctx.warehouse.connect();
    expect(await other.scalar("SELECT current_setting('TimeZone')")).toBe("UTC");
    await other.run("BEGIN TRANSACTION");
    await other.run("INSERT INTO main.done VALUES ('uncommitted')");
    expect(Number(await t.ctx.warehouse.scalar("SELECT count(*) FROM main.done"))).toBe(0);
    await other.run("COMMIT");
    expect(Number(await t.ctx.warehouse.scalar("SELECT count(*) FROM main.done"))).toBe(1);
    other.close();
    expect(Number(await t.ctx.warehouse.scalar("SELECT count(*) FROM main.done"))).toBe(1);
  });
});
