import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { RunContext } from "../../src/context/run-context.ts";
import { ImaginEcoleError } from "../../src/core/errors.ts";
import { importFiles } from "../../src/pipeline/sources.ts";
import { kindName } from "../../src/sources/plugin.ts";
import { IMPORT_KIND_NAMES, importOptions, KIND_NAMES, PLUGINS } from "../../src/sources/registry.ts";
import { cli, ROOT } from "../support/cli.ts";

const SOURCES = join(ROOT, "src/sources");

/** Every source entry of the shipped configurations. */
const SHIPPED: Record<string, unknown>[] = ["demo", "production.example"].flatMap(
  (name) => JSON.parse(readFileSync(join(ROOT, `pipelines/${name}.json`), "utf8")).sources,
);

/** A context nothing may touch: the checks under test come before any work. */
const UNTOUCHED = new Proxy({} as RunContext, {
  get: (_, key) => {
    throw new Error(`the context was used (${String(key)})`);
  },
});

describe("the source registry", () => {
  it("gives every kind a strict schema whose kind is its name, and each name once", () => {
    expect(KIND_NAMES.length).toBeGreaterThanOrEqual(7);
    expect(new Set(KIND_NAMES).size).toBe(KIND_NAMES.length);
    for (const plugin of PLUGINS) {
      for (const kind of plugin.kinds) {
        const name = kindName(kind);
        expect(kind.settings, name).toBeInstanceOf(z.ZodObject);
        const example = SHIPPED.find((s) => s.kind === name);
        expect(example, `${name}: an example in pipelines/demo.json or production.example.json`).toBeDefined();
        expect(kind.settings.safeParse(example).success, name).toBe(true);
        expect(kind.settings.safeParse({ ...example, unknownSetting: 1 }).success, `${name} refuses unknown settings`).toBe(false);
        expect(kind.settings.safeParse({ ...example, kind: "other" }).success, `${name} refuses another kind`).toBe(false);
      }
    }
  });

  it("has exactly one foundation kind, the country reference, and knows which kinds feed usage events", () => {
    expect(PLUGINS.filter((p) => p.foundation).map((p) => p.kinds.map(kindName))).toEqual([["reference"]]);
    expect(PLUGINS.filter((p) => p.usageEvents).map((p) => p.name)).toEqual(["xapi", "moodle-log"]);
  });

  it("imports each connector only when it runs: a plugin.ts statically imports nothing of its folder but its settings", () => {
    const folders = readdirSync(SOURCES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    const withPlugin = folders.filter((f) => readdirSync(join(SOURCES, f)).includes("plugin.ts"));
    expect(withPlugin.sort()).toEqual(PLUGINS.map((p) => p.name).sort());
    for (const folder of withPlugin) {
      const text = readFileSync(join(SOURCES, folder, "plugin.ts"), "utf8");
      const local = [...text.matchAll(/^import [^;]*? from "(\.\/[^"]+)";$/gms)].map((m) => m[1]);
      expect(local, folder).toEqual(["./settings.ts"]);
    }
  });

  it("declares each import option once: the same key always has the same flags", () => {
    const flags = new Map<string, Set<string>>();
    for (const plugin of PLUGINS) {
      for (const [key, option] of Object.entries(plugin.import?.options ?? {})) {
        flags.set(key, (flags.get(key) ?? new Set()).add((option as { flags: string }).flags));
      }
    }
    for (const [key, set] of flags) expect([...set], key).toHaveLength(1);
    expect(importOptions().map((o) => o.key).sort()).toEqual([...flags.keys()].sort());
  });

  it("refuses an unknown import kind naming the known ones, and a missing required option naming it", async () => {
    const unknown = await importFiles(UNTOUCHED, "moodle", ["x.csv"], {}).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(ImaginEcoleError);
    expect((unknown as ImaginEcoleError).bilingual.en).toBe(`Unknown kind of source "moodle": known kinds ${IMPORT_KIND_NAMES.join(", ")}.`);
    const missing = await importFiles(UNTOUCHED, "moodle-log", ["x.csv"], { timezone: "Africa/Dakar" }).catch((e: unknown) => e);
    expect((missing as ImaginEcoleError).bilingual.en).toBe("The option --country is required for this kind of source: add it to the command.");
    expect((missing as ImaginEcoleError).exitCode).toBe(2);
  });

  it("gives the command line its --source choices and import options", () => {
    expect([...IMPORT_KIND_NAMES].sort()).toEqual(["moodle-log", "national-csv", "sheet", "xapi"]);
    const help = cli(["import", "--help"]);
    expect(help.code).toBe(0);
    const text = help.stdout.replace(/\s+/g, " ");
    expect(text).toContain(`(choices: ${IMPORT_KIND_NAMES.map((k) => `"${k}"`).join(", ")})`);
    for (const { option, kinds } of importOptions()) {
      expect(text).toContain(`${option.flags} ${option.help.fr} / ${option.help.en} [${kinds.join(", ")}]`);
    }
  });
});
