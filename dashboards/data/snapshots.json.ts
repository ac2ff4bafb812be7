// The donor snapshots exported so far (data/snapshots/<dir>/manifest.json, or IMAGINECOLE_SNAPSHOTS),
// newest first, with the files each holds. src/site/build.ts copies the files next to
// the site under downloads/snapshots/, where these links point.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { editionFromEnv, requireFeature } from "../components/edition.ts";
import { PROJECT_ROOT } from "./lib/warehouse.ts";

// src/export/manifest.ts writes as_of, generated_at and files [{path, bytes, sha256}]; a folder
// whose manifest lists no files is shown with the files it holds.
interface Manifest {
  as_of?: string;
  generated_at?: string;
  files?: { path: string }[];
}

const dir = resolve(PROJECT_ROOT, process.env.IMAGINECOLE_SNAPSHOTS ?? "data/snapshots");

function snapshot(name: string) {
  const folder = join(dir, name);
  const manifest = JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8")) as Manifest;
  const listed = (manifest.files ?? []).map((f) => f.path);
  const files = (listed.length ? listed : readdirSync(folder))
    .filter((f) => f && !f.includes("..") && existsSync(join(folder, f)) && statSync(join(folder, f)).isFile());
  return {
    dir: name,
    as_of: manifest.as_of ?? name,
    created_at: manifest.generated_at ?? null,
    files: ["manifest.json", ...files.filter((f) => f !== "manifest.json")].map((f) => ({
      name: f,
      href: `downloads/snapshots/${encodeURIComponent(name)}/${f.split("/").map(encodeURIComponent).join("/")}`,
      bytes: statSync(join(folder, f)).size,
    })),
  };
}

try {
  // Snapshots carry provenance (file names) and quality sheets: for the staff only.
  requireFeature(editionFromEnv(process.env), "staff", "snapshots.json");
  const names = existsSync(dir)
    ? readdirSync(dir).filter((n) => existsSync(join(dir, n, "manifest.json"))).sort().reverse()
    : [];
  process.stdout.write(JSON.stringify(names.map(snapshot)));
} catch (error) {
  process.stderr.write(`Snapshots illisibles / unreadable in ${dir}: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
