// Everything one country page shows (lib/datasets.ts), for the country given as --code.
import { parseArgs } from "node:util";
import { countryData } from "../lib/datasets.ts";
import { runLoader } from "../lib/warehouse.ts";

const { values } = parseArgs({ options: { code: { type: "string" } } });

await runLoader((db, edition) => countryData(db, edition, values.code ?? ""));
