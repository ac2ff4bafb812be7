import type { RunContext } from "../../context/run-context.ts";
import { countryMatcher, readCountries } from "../reference/lookup.ts";
import { indicatorMatcher, readIndicatorAliases, resolvePhase, subjectMatcher } from "./lookups.ts";
import type { Phase } from "./parse-tab.ts";
import { loadPlausibility } from "./plausibility-config.ts";
import type { BaseEnv } from "./spreadsheet.ts";

/** Options every sheet entry point takes. */
export interface SheetOptions {
  /** Project phase dates must fall in; default: the `phase` of the pipelines configuration. */
  phase?: Phase;
}

/** Everything validation needs besides the cells: phase, keyer, country and indicator lookups. */
export async function buildEnv(ctx: RunContext, options: SheetOptions = {}): Promise<BaseEnv> {
  return {
    phase: resolvePhase(ctx, options.phase),
    today: ctx.now.toISOString().slice(0, 10),
    keyer: ctx.keyer,
    matchCountry: countryMatcher(await readCountries(ctx)),
    matchIndicator: indicatorMatcher(readIndicatorAliases()),
    matchSubject: subjectMatcher(readIndicatorAliases()),
    plausibility: loadPlausibility(ctx.root),
  };
}
