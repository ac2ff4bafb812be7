/** One benchmark figure, as a ratio to a floor measured in the same run on the same machine. */
export interface BenchResult {
  name: string;
  /** Size of the input, e.g. 1_000_000 statements. */
  size: number;
  ms: number;
  /** What the floor is, e.g. "DuckDB read_json of the same NDJSON". */
  floorName: string;
  floorMs: number;
  /** ms / floorMs */
  ratio: number;
  /** Goal for the ratio, when the issue sets one. */
  goal?: number;
  peakRssMb: number;
  notes?: string;
}
