// bin/imaginecole.js and bin/bundle.js on a small tree of their own: the command line's entry
// (src/cli/main.ts) reads a file next to one of its modules, as the SQL files are read.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, tempDir } from "../support/cli.ts";

const tree = tempDir("imaginecole-bundle-");
afterAll(() => rmSync(tree, { recursive: true, force: true }));

const cache = join(tree, "node_modules", ".cache", "imaginecole", "cli");
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(tree, path)), { recursive: true });
  writeFileSync(join(tree, path), text);
};
const run = () => spawnSync(process.execPath, [join(tree, "bin", "imaginecole.js")], { cwd: tree, encoding: "utf8" });
const current = () => JSON.parse(readFileSync(join(cache, "current.json"), "utf8")) as { dir: string; inputs: [string, number, number][] };

for (const file of ["imaginecole.js", "bundle.js"]) {
  mkdirSync(join(tree, "bin"), { recursive: true });
  copyFileSync(join(ROOT, "bin", file), join(tree, "bin", file));
}
copyFileSync(join(ROOT, "tsconfig.json"), join(tree, "tsconfig.json"));
write("package.json", JSON.stringify({ type: "module" }));
// The packages the entry needs, not the project's node_modules: the tree's cache is its own.
mkdirSync(join(tree, "node_modules"));
for (const pkg of ["esbuild", "tsx"]) symlinkSync(join(ROOT, "node_modules", pkg), join(tree, "node_modules", pkg));
write("src/cli/main.ts", `import { greeting } from "../words/greeting.ts";\nconsole.log(greeting());\n`);
const greeting = (word: string) =>
  `import { readFileSync } from "node:fs";\n` +
  `export const greeting = (): string => "${word} " + readFileSync(new URL("name.txt", import.meta.url), "utf8") + " " + import.meta.dirname;\n`;
write("src/words/greeting.ts", greeting("bonjour"));
write("src/words/name.txt", "Ouagadougou");

describe("the command line's bundle (bin/bundle.js)", () => {
  it("runs the entry from a bundle whose modules still find the files next to their sources", () => {
    const first = run();
    expect(first.stderr).toBe("");
    expect(first.stdout.trim()).toBe(`bonjour Ouagadougou ${join(tree, "src", "words")}`);
    const { dir, inputs } = current();
    expect(existsSync(join(cache, dir, "main.js"))).toBe(true);
    expect(inputs.map(([path]) => path)).toEqual(expect.arrayContaining(["src/cli/main.ts", "src/words/greeting.ts", "bin/bundle.js"]));
    expect(run().stdout).toBe(first.stdout);
    expect(current().dir, "an unchanged tree is not bundled again").toBe(dir);
  });

  it("is made again when a module it was made from changes", () => {
    const before = current().dir;
    write("src/words/greeting.ts", greeting("bonsoir"));
    expect(run().stdout.trim()).toBe(`bonsoir Ouagadougou ${join(tree, "src", "words")}`);
    expect(current().dir).not.toBe(before);
  });

  it("runs the sources through tsx when the bundle cannot be written", () => {
    rmSync(join(tree, "node_modules", ".cache"), { recursive: true, force: true });
    write("node_modules/.cache/imaginecole", "a file where the cache's folder would be");
    write("src/words/greeting.ts", greeting("salut"));
    const r = run();
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe(`salut Ouagadougou ${join(tree, "src", "words")}`);
  });
});
