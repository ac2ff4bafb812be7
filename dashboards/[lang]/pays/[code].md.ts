// A country page ([code].page.md) with its key content written in as HTML (data/lib/country-page.ts).
import { countryPage } from "../../data/lib/country-page.ts";
import { runPageLoader } from "../../data/lib/page-loader.ts";

await runPageLoader(import.meta.url, "[code].page.md", countryPage);
