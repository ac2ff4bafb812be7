// Member countries with their overall status (lib/datasets.ts).
import { countriesData } from "./lib/datasets.ts";
import { runLoader } from "./lib/warehouse.ts";

await runLoader(countriesData);
