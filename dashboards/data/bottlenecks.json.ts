// Every bottleneck flag, newest first; in the public edition only when the configuration publishes them.
import { requireFeature } from "../components/edition.ts";
import { runLoader } from "./lib/warehouse.ts";

await runLoader((db, edition) => {
  requireFeature(edition, "bottlenecks", "bottlenecks.json");
  return db.query("bottlenecks");
});
