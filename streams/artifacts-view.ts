// `portalis artifacts`: a downstream consumer of the artifacts topic. Artifacts arrive at least once (a
// redelivered or replayed module is packaged again, with the same digest): this view keeps one line per
// module and digest. A tombstone (null value, key run/module) is the module's deletion.
import { randomUUID } from "node:crypto";
import { Observable } from "rxjs";
import type { ArtifactEvent } from "../schemas/events.ts";
import { topics } from "../topics/index.ts";
import type { Transport } from "../topics/transport.ts";

export type ArtifactLine =
  | { module: string; path: string; digest: string; registryRef: string; size: number; runId: string }
  | { module: string; deleted: true; runId: string };

export interface ArtifactViewOptions {
  /** Consumer group (default: a private one, so every view sees every artifact). */
  group?: string;
  fromBeginning?: boolean;
  onReady?: () => void;
}

/** The deduplicated view: an artifact line per new module+digest, a deletion line per module deleted. */
export function artifactView(transport: Transport, o: ArtifactViewOptions = {}): Observable<ArtifactLine> {
  return new Observable<ArtifactLine>((subscriber) => {
    // Per module: the digests printed since its last deletion, or "deleted".
    const state = new Map<string, Set<string> | "deleted">();
    const group = o.group ?? `portalis.artifacts-view.${randomUUID().slice(0, 8)}`;
    const sub = transport.subscribe(topics.artifacts, { group, fromBeginning: o.fromBeginning ?? false, maxInFlight: 256, onReady: o.onReady }).subscribe({
      next: (d) => {
        const slash = d.key.indexOf("/");
        const runId = slash >= 0 ? d.key.slice(0, slash) : "";
        if (d.value === null) {
          const module = slash >= 0 ? d.key.slice(slash + 1) : d.key;
          if (state.get(module) !== "deleted") {
            state.set(module, "deleted");
            subscriber.next({ module, deleted: true, runId });
          }
        } else if (d.value) {
          const a: ArtifactEvent = d.value;
          const seen = state.get(a.moduleId);
          const digests = seen instanceof Set ? seen : new Set<string>();
          state.set(a.moduleId, digests);
          if (!digests.has(a.wasmDigest)) {
            digests.add(a.wasmDigest);
            subscriber.next({ module: a.moduleId, path: a.path, digest: a.wasmDigest, registryRef: a.registryRef, size: a.size, runId: a.runId });
          }
        } else {
          process.stderr.write(`portalis: artifacts: undecodable record at ${d.partition}:${d.offset} skipped: ${d.error?.message}\n`);
        }
        d.ack();
      },
      error: (e) => subscriber.error(e),
      complete: () => subscriber.complete(),
    });
    return () => sub.unsubscribe();
  });
}
