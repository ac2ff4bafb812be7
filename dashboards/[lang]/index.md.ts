// The overview (index.page.md) with its key content written in as HTML (data/lib/overview-page.ts).
import { overviewPage } from "../data/lib/overview-page.ts";
import { runPageLoader } from "../data/lib/page-loader.ts";

await runPageLoader(import.meta.url, "index.page.md", overviewPage);
