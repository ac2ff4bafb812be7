export { exportSnapshot, DEFAULT_SUPPRESS_BELOW, SNAPSHOT_FORMATS, type FormatFailure, type SnapshotFormat, type SnapshotOptions, type SnapshotResult } from "./snapshot.ts";
export { lastCompleteMonth, resolveScope, SCOPE_RULE, type SnapshotScope } from "./scope.ts";
export { verifyManifest, type Manifest, type ManifestEntry } from "./manifest.ts";
export { neutralise } from "./neutralise.ts";
