// The ground floor in one import, for code that runs in browsers too: the dashboard reads it as the
// bare specifier `imaginecole/core` (package.json "exports"), which Observable Framework bundles.
export * from "./lang.ts";
export * from "./message.ts";
export * from "./labels.ts";
export * from "./format.ts";
