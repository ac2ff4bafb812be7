#!/usr/bin/env node
// The command line is TypeScript run through tsx, so `npx imaginecole` needs no build step.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
