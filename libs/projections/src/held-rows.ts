import { LRUCache } from 'lru-cache';

/** What one runner holds for one slot: enough for a regency's plans, scorecards and findings. */
export const HELD_ROWS_BYTES = 4 * 1024 * 1024;

/**
 * The rows a projection's leaseholder read and wrote in its earlier batches, as committed: the
 * next batch takes them from here instead of reading them back (a plan corrected a hundred
 * times in a minute was read a hundred times, document and all, to be rewritten). Only the
 * leaseholder writes its slot, so what it committed is what the table holds until it loses the
 * lease or the slot changes hands; the runner clears them then, and when a batch fails.
 *
 * Rows written in a batch are staged and become held when its transaction commits. The rows
 * handed out are the ones a projection will fold from: it must not change them in place (the
 * projections build new rows, as their folds do). Bounded by the bytes of their JSON.
 */
export class HeldRows {
  private readonly rows: LRUCache<string, { row: object; bytes: number }>;
  private staged = new Map<string, { row: object; bytes: number }>();

  constructor(maxBytes = HELD_ROWS_BYTES) {
    this.rows = new LRUCache({ maxSize: maxBytes, sizeCalculation: (entry) => Math.max(1, entry.bytes) });
  }

  /** The committed row of this table and primary key, when held. */
  get(table: string, identity: string): object | undefined {
    return this.rows.get(keyOf(table, identity))?.row;
  }

  /** A row the current batch wrote, `bytes` long as JSON; held once the batch commits. */
  stage(table: string, identity: string, row: object, bytes: number): void {
    this.staged.set(keyOf(table, identity), { row, bytes });
  }

  /**
   * A row the current batch wrote without reading it first: whatever is held for it is no
   * longer what the table will hold. Dropped at once (holding less is never wrong).
   */
  drop(table: string, identity: string): void {
    const key = keyOf(table, identity);
    this.rows.delete(key);
    this.staged.delete(key);
  }

  /** The batch committed: what it wrote is now what the table holds. */
  commit(): void {
    for (const [key, entry] of this.staged) this.rows.set(key, entry);
    this.staged = new Map();
  }

  /** Forget everything: a batch failed, or another process may have written the slot. */
  clear(): void {
    this.rows.clear();
    this.staged = new Map();
  }
}

const keyOf = (table: string, identity: string) => `${table}\u0000${identity}`;
