import { deepFreeze } from '@app/event-store';
import { LRUCache } from 'lru-cache';

export interface ReadCacheStatistics {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
  maxBytes: number;
}

interface Entry {
  projection: string;
  generation: number;
  value: unknown;
}

/**
 * What a process last read from the read models by key, kept until the projection that owns
 * them moves. Each projection has a generation, bumped whenever this process learns that its
 * serving checkpoint or slot moved (its own runner's batch, or a checkpoint read from the
 * database, by the poll or by X-Min-Position's wait); an entry serves only under the generation
 * it was read in. A value read while the generation moved is not kept, since it may predate
 * the move. Entries are served only while the checkpoints were seen recently (`freshForMs`),
 * so that a process cut off from the database stops answering from memory.
 *
 * Values are frozen: a reader that changed one would change every later reader's answer.
 */
export class ReadCache {
  private readonly entries?: LRUCache<string, Entry>;
  private readonly generations = new Map<string, number>();
  private readonly checkpoints = new Map<string, string>();
  private observedAt = Number.NEGATIVE_INFINITY;
  private hits = 0;
  private misses = 0;

  constructor(
    readonly maxBytes: number,
    private readonly freshForMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (maxBytes > 0) this.entries = new LRUCache({ maxSize: maxBytes, sizeCalculation: (entry, key) => sizeOf(entry.value) + key.length });
  }

  get enabled(): boolean {
    return this.entries !== undefined;
  }

  /** The value under `key`, loaded (and kept, unless `projection` moved meanwhile) when absent. */
  async get<T>(projection: string, key: string, load: () => Promise<T>): Promise<T> {
    if (!this.entries) return load();
    const generation = this.generationOf(projection);
    const entry = this.entries.get(key);
    if (entry && entry.generation === generation && this.now() - this.observedAt <= this.freshForMs) {
      this.hits++;
      return entry.value as T;
    }
    this.misses++;
    const value = deepFreeze(await load());
    if (this.generationOf(projection) === generation) this.entries.set(key, { projection, generation, value });
    return value;
  }

  /** This projection's serving rows may have changed. */
  invalidate(projection: string): void {
    this.generations.set(projection, this.generationOf(projection) + 1);
  }

  /** The serving slot and checkpoint of every projection, just read from the database. */
  observe(checkpoints: ReadonlyArray<{ name: string; checkpoint: string }>): void {
    for (const { name, checkpoint } of checkpoints) {
      if (this.checkpoints.get(name) !== checkpoint) {
        this.checkpoints.set(name, checkpoint);
        this.invalidate(name);
      }
    }
    this.observedAt = this.now();
  }

  statistics(): ReadCacheStatistics {
    return { hits: this.hits, misses: this.misses, entries: this.entries?.size ?? 0, bytes: this.entries?.calculatedSize ?? 0, maxBytes: this.maxBytes };
  }

  private generationOf(projection: string): number {
    return this.generations.get(projection) ?? 0;
  }
}

/** JSON's length: a proxy for what a value holds on the heap, as the stream cache counts. */
function sizeOf(value: unknown): number {
  try {
    return Math.max(1, JSON.stringify(value ?? null).length);
  } catch {
    // Not JSON (a BigInt, a cycle): counted as large rather than failing the read.
    return 64 * 1024;
  }
}
