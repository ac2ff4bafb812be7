import cliProgress from "cli-progress";
import { NO_PROGRESS, type Progress } from "../context/progress.ts";

/**
 * A bar on stderr when it is a terminal and logs are for people; nothing otherwise (CI, cron,
 * `--log-format json`). Log lines are printed above the bar so neither garbles the other.
 */
export function terminalProgress(enabled: boolean): { progress: Progress; log: (line: string) => void } {
  if (!enabled || !process.stderr.isTTY) {
    return { progress: NO_PROGRESS, log: (line) => void process.stderr.write(line + "\n") };
  }
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: " {label} [{bar}] {value}/{total}", hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let active = false;
  let done = 0;
  return {
    progress: {
      start(label, total) {
        if (active) bar.stop();
        bar.start(total ?? 0, 0, { label });
        active = true;
        done = 0;
      },
      tick(by = 1) {
        if (!active) return;
        done += by;
        if (done > bar.getTotal()) bar.setTotal(done);
        bar.update(done);
      },
      stop() {
        if (active) bar.stop();
        active = false;
      },
    },
    log(line) {
      // Clears the bar's line first; the bar redraws itself on its next update.
      process.stderr.write((active ? "\r\x1b[K" : "") + line + "\n");
    },
  };
}
