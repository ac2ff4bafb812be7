// Every bottleneck flag, newest first.
import { runLoader } from "./lib/warehouse.ts";

await runLoader((db) => db.query("bottlenecks"));
