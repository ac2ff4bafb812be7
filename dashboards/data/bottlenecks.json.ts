// Every bottleneck flag, newest first; in the public edition only when the configuration publishes them.
import { bottlenecksData } from "./lib/datasets.ts";
import { runLoader } from "./lib/warehouse.ts";

await runLoader(bottlenecksData);
