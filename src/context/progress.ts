/** Progress of a long step (files of a source, pages of a pull), shown as a bar on a terminal. */
export interface Progress {
  /** Starts a step; `total` undefined when unknown (an LRS pull). */
  start(label: string, total?: number): void;
  tick(by?: number): void;
  stop(): void;
}

export const NO_PROGRESS: Progress = { start() {}, tick() {}, stop() {} };
