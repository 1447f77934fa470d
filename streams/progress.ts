// Progress bar for long runs (stderr, only when it is a terminal).
import cliProgress from "cli-progress";
import type { ModuleResult } from "../schemas/events.ts";

export function progressBar() {
  const enabled = process.stderr.isTTY === true;
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: "{bar} {value}/{total} modules | {failed} failed | {last}", hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let failed = 0;
  return {
    start: (total: number) => enabled && bar.start(total, 0, { failed, last: "" }),
    tick: (r: ModuleResult) => {
      if (r.outcome === "failed") failed++;
      if (enabled) bar.increment(1, { failed, last: r.path });
    },
    stop: () => enabled && bar.stop(),
  };
}
