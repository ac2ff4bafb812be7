// The overview's numbers (lib/datasets.ts): latest values, regional totals, phase standing, periods.
import { overviewData } from "./lib/datasets.ts";
import { runLoader } from "./lib/warehouse.ts";

await runLoader(overviewData);
