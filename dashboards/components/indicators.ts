// Which indicators of mart.indicators each page puts forward, and how a country's overall status
// follows from its bottleneck flags. One place to change if the catalogue renames an indicator.
import type { Code } from "imaginecole/core";

export const KEY_INDICATORS = [
  "trainers_trained",
  "teachers_trained",
  "resources_published",
  "monthly_active_users",
] as const;

export const INDICATOR = {
  regionalUsers: "monthly_active_users",
  nationalUsers: "national_active_users",
  completeness: "reporting_completeness",
  timeliness: "reporting_timeliness",
  validationAge: "validation_age_median",
} as const;

export type OverallStatus = Code<"target_status">;

export interface CountryFlags {
  has_data: boolean;
  /** Phase-to-date target statuses of the country's indicators (mart.indicators_phase). */
  off_track: number;
  at_risk: number;
  on_track: number;
  high: number;
  medium: number;
  low: number;
}

/**
 * The worst phase-to-date target status of the country's indicators; where no indicator has a
 * target status yet, its bottleneck flags stand in (high: off track, medium: at risk).
 */
export function overallStatus(flags: CountryFlags | undefined): OverallStatus {
  if (!flags?.has_data) return "no_data";
  if (flags.off_track + flags.at_risk + flags.on_track > 0) {
    return flags.off_track > 0 ? "off_track" : flags.at_risk > 0 ? "at_risk" : "on_track";
  }
  if (flags.high > 0) return "off_track";
  if (flags.medium > 0) return "at_risk";
  return "on_track";
}
