// The bottleneck rules: label and recommended action (mart.rule_catalogue), and when each flags a
// country, worded with the thresholds of pipelines/indicators.json (read from the project folder,
// where the site is built from, as the mart build reads it).
import { RULES, type RuleId } from "../../src/mart/catalogue.ts";
import { DEFAULT_RULES_PATH, loadRules, ruleThreshold } from "../../src/mart/rules-config.ts";
import { requireFeature } from "../components/edition.ts";
import { runLoader } from "./lib/warehouse.ts";

await runLoader(async (db, edition) => {
  requireFeature(edition, "bottlenecks", "rules.json");
  const thresholds = loadRules(DEFAULT_RULES_PATH);
  const rules = (await db.hasTable("mart", "rule_catalogue")) ? await db.query<{ rule_id: string }>("rule_catalogue") : [];
  return rules.map((r) => {
    const known = (RULES as readonly string[]).includes(r.rule_id);
    const threshold = known ? ruleThreshold(r.rule_id as RuleId, thresholds) : null;
    return { ...r, threshold_fr: threshold?.fr ?? null, threshold_en: threshold?.en ?? null };
  });
});
