import type { z } from "zod";
import { path, sourceSettings } from "../plugin.ts";

export const DEFAULT_PROFILES_DIR = "pipelines/profiles/national";

/** A drop folder of national platform exports, one folder per country (ISO2). */
export const nationalCsvSettings = sourceSettings("national-csv", {
  inbox: path,
  /** Where imported files are copied, named by content hash; none keeps them in place. */
  archive: path.optional(),
  /** Folder of mapping profiles, one JSON file per country platform. */
  profiles: path,
});
export type NationalCsvSource = z.infer<typeof nationalCsvSettings>;
