/** Rewrites src/mart/CATALOGUE.md from the catalogue: `npx tsx src/mart/write-catalogue-doc.ts`. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { catalogueMarkdown } from "./catalogue.ts";

writeFileSync(join(import.meta.dirname, "CATALOGUE.md"), catalogueMarkdown());
