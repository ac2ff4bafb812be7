// `imaginecole export`: a snapshot of the shared demo warehouse, and its usage errors.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, tempDir } from "../support/cli.ts";
import { copyOfSharedWarehouse } from "../support/shared-demo.ts";

const dir = tempDir("imaginecole-cli-export-");
const db = join(dir, "w.duckdb");
beforeAll(async () => {
  await copyOfSharedWarehouse(db);
});

describe("imaginecole export", () => {
  it("exits 0 with the snapshot's files and their manifest", () => {
    const out = join(dir, "2026-10-31");
    const r = cli(["export", "--as-of", "2026-10-31", "--out", out, "--format", "csv,json", "--db", db]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Manifest: ${join(out, "manifest.json")}`);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as { files: { path: string }[] };
    expect(manifest.files.length).toBeGreaterThan(1);
    for (const f of manifest.files) expect(existsSync(join(out, f.path)), f.path).toBe(true);
  });

  it("exits 2 on a usage error: a date not written YYYY-MM-DD, an unknown format, no --out", () => {
    const out = join(dir, "never");
    const date = cli(["export", "--as-of", "31/10/2026", "--out", out, "--db", db]);
    expect(date.stderr).toMatch(/Invalid as-of date: "31\/10\/2026"/);
    expect(date.code).toBe(2);
    const format = cli(["export", "--as-of", "2026-10-31", "--out", out, "--format", "docx", "--db", db]);
    expect(format.stderr).toMatch(/Unknown format: docx/);
    expect(format.code).toBe(2);
    expect(cli(["export", "--as-of", "2026-10-31", "--db", db]).code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it("says which Chromium is missing and how to install it when the PDF cannot be printed (exit 1), and writes the other formats", () => {
    const out = join(dir, "without-chromium");
    const r = cli(["export", "--as-of", "2026-10-31", "--out", out, "--format", "csv,pdf", "--db", db], { IMAGINECOLE_CHROMIUM: "/nowhere/chromium" });
    expect(r.stderr).toContain("pdf: Chromium not found (/nowhere/chromium): install it (apt-get install -y chromium-headless-shell) or name it with IMAGINECOLE_CHROMIUM.");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(1);
    expect(existsSync(join(out, "manifest.json"))).toBe(true);
  });
});
