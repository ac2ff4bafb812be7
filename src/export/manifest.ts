import { createHash } from "node:crypto";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

export interface ManifestEntry {
  path: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  tool: "imaginecole";
  version: string;
  /** The period code or as-of date that names the snapshot. */
  label: string;
  period: string;
  as_of: string;
  /** The day the figures were computed (the mart's build). */
  produced: string;
  generated_at: string;
  lang: string;
  suppress_below: number;
  /** The hash the citation gives: sha256 of the snapshot's JSON file without its citation field. */
  content_sha256: string;
  citation: { fr: string; en: string };
  files: ManifestEntry[];
  /** Formats asked for that could not be produced, and why (the others were written). */
  failed: Array<{ format: string; reason: { fr: string; en: string } }>;
}

export function sha256File(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/** manifest.json beside the files: each file's path (relative, with /), size and sha256. */
export function writeManifest(outDir: string, files: string[], header: Omit<Manifest, "files">): string {
  const entries = files
    .map((file) => ({ path: relative(outDir, file).split(sep).join("/"), bytes: statSync(file).size, sha256: sha256File(file) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const path = join(outDir, "manifest.json");
  writeFileSync(path, JSON.stringify({ ...header, files: entries }, null, 2) + "\n");
  return path;
}

/** The files whose content no longer matches the manifest (for tests and donors alike). */
export function verifyManifest(outDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(outDir, "manifest.json"), "utf8")) as Manifest;
  return manifest.files.filter((f) => sha256File(join(outDir, f.path)) !== f.sha256).map((f) => f.path);
}
