import type { z } from "zod";
import { path, sourceSettings } from "../plugin.ts";

/** Country reference data (codes, names, teacher denominators): pipelines/reference/countries.csv. */
export const referenceSettings = sourceSettings("reference", { path });
export type ReferenceSource = z.infer<typeof referenceSettings>;
