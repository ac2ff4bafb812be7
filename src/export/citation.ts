import { createHash } from "node:crypto";
import { formatDate } from "../core/format.ts";
import type { Bilingual } from "../core/message.ts";

/**
 * How a snapshot is cited, in every file it holds: "ImaginEcole indicators, snapshot 2026-Q3,
 * produced 2026-12-04, manifest sha256 …". The sha256 is the manifest's content_sha256: the hash
 * of the snapshot's figures (its JSON file with the citation left out), so it is the same for the
 * same warehouse whatever the language, the day of the export or the formats asked for, and a
 * file cannot hold the hash of a manifest that holds its own hash.
 */
export interface Citation {
  text: Bilingual;
  /** sha256 of the snapshot's content. */
  sha256: string;
  /** YYYY-MM-DD: the day the figures were computed (the mart's build). */
  produced: string;
}

export function contentSha256(content: string): string {
  return createHash("sha256").update(content).digest("hex");
}

export function citationOf(label: string, produced: string, sha256: string): Citation {
  return {
    text: {
      fr: `Indicateurs ImaginEcole, instantané ${label}, produit le ${formatDate("fr", produced)}, manifeste sha256 ${sha256}`,
      en: `ImaginEcole indicators, snapshot ${label}, produced ${formatDate("en", produced)}, manifest sha256 ${sha256}`,
    },
    sha256,
    produced,
  };
}
