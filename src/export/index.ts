export { exportSnapshot, lastCompleteMonth, DEFAULT_SUPPRESS_BELOW, SNAPSHOT_FORMATS, type SnapshotFormat, type SnapshotOptions } from "./snapshot.ts";
export { verifyManifest, type Manifest, type ManifestEntry } from "./manifest.ts";
export { neutralise } from "./neutralise.ts";
