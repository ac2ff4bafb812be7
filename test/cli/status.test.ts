// `imaginecole status`: 0 on a warehouse, 2 when another process holds it or the usage is wrong.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, ROOT, tempDir } from "../support/cli.ts";
import { copyOfSharedWarehouse } from "../support/shared-demo.ts";

const dir = tempDir("imaginecole-cli-status-");
const db = join(dir, "w.duckdb");
beforeAll(async () => {
  await copyOfSharedWarehouse(db);
});

describe("imaginecole status", () => {
  it("exits 0 with the last loads, in text and in JSON", () => {
    const text = cli(["status", "--db", db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Last load per source/);
    const json = cli(["status", "--json", "--db", db]);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { lastLoads: unknown[] }).lastLoads.length).toBeGreaterThan(0);
  });

  it("exits 2 while another process holds the warehouse, saying so", async () => {
    const holder = spawn(
      process.execPath,
      ["--input-type=module", "-e", `import { DuckDBInstance } from "@duckdb/node-api"; await DuckDBInstance.create(${JSON.stringify(db)}); console.log("open"); setInterval(() => {}, 1000);`],
      { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("open") && resolve());
        holder.on("exit", (code) => reject(new Error(`the holder exited (${code})`)));
      });
      const r = cli(["status", "--db", db]);
      expect(r.stderr).toMatch(/in use by another process/);
      expect(r.code).toBe(2);
    } finally {
      holder.kill("SIGKILL");
    }
  });

  it("exits 2 on a usage error: an unknown option or language", () => {
    expect(cli(["status", "--db", db, "--verbose"]).code).toBe(2);
    expect(cli(["status", "--db", db, "--lang", "de"]).code).toBe(2);
  });
});
