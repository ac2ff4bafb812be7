// The entry Observable Framework bundles for `imaginecole/core` (it bundles .js entries only, and
// one named index.js would shadow index.ts); the modules are TypeScript, types come from index.ts.
export * from "./index.ts";
