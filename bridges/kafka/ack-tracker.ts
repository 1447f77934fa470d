// Contiguous acknowledgements per partition: a partition's commit point is the lowest offset delivered
// and not yet acknowledged, or one past the highest delivered offset once all are acknowledged, so a
// committed offset never skips a record that is still being processed (acks may arrive in any order).
export class AckTracker {
  private outstanding = new Map<number, Set<number>>();
  private highest = new Map<number, number>();
  private committed = new Map<number, number>();

  delivered(partition: number, offset: number): void {
    const set = this.outstanding.get(partition) ?? new Set<number>();
    this.outstanding.set(partition, set);
    set.add(offset);
    // The first delivery of a partition comes from its committed position: nothing to commit below it.
    if (!this.committed.has(partition)) this.committed.set(partition, offset);
    this.highest.set(partition, Math.max(this.highest.get(partition) ?? -1, offset));
  }

  /** Records the ack; returns the offset to commit (next to read) when the commit point moved, else undefined. */
  acked(partition: number, offset: number): number | undefined {
    const set = this.outstanding.get(partition);
    if (!set?.delete(offset)) return undefined;
    let point = (this.highest.get(partition) ?? -1) + 1;
    for (const o of set) if (o < point) point = o;
    if (point <= (this.committed.get(partition) ?? -1)) return undefined;
    this.committed.set(partition, point);
    return point;
  }

  /** The offset after the highest delivered one, if any was delivered. */
  next(partition: number): number | undefined {
    const h = this.highest.get(partition);
    return h === undefined ? undefined : h + 1;
  }

  /** Drops a partition's state (it moved to another member). */
  forget(partition: number): void {
    this.outstanding.delete(partition);
    this.highest.delete(partition);
    this.committed.delete(partition);
  }

  /** Deliveries still waiting for an ack, over all partitions. */
  get pending(): number {
    let n = 0;
    for (const s of this.outstanding.values()) n += s.size;
    return n;
  }
}
