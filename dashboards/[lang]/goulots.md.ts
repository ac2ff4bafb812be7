// The bottleneck page (goulots.page.md) with its flags and rules written in as HTML (data/lib/bottlenecks-page.ts).
import { bottlenecksPage } from "../data/lib/bottlenecks-page.ts";
import { runPageLoader } from "../data/lib/page-loader.ts";

await runPageLoader(import.meta.url, "goulots.page.md", bottlenecksPage);
