#!/usr/bin/env node
// The command line is TypeScript: it runs from a bundle kept up to date in node_modules/.cache
// (bin/bundle.js), or through tsx when that cannot be written, so `npx imaginecole` needs no build step.
import { bundledEntry } from "./bundle.js";

const entry = await bundledEntry();
if (entry) {
  await import(entry);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
