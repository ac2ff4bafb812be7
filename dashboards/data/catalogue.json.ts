// The indicator catalogue and the month the mart describes (lib/datasets.ts).
import { catalogueData } from "./lib/datasets.ts";
import { runLoader } from "./lib/warehouse.ts";

await runLoader(catalogueData);
