import { LRUCache } from 'lru-cache';
import { RecordedEvent } from './event-store';

interface CachedStream {
  events: readonly RecordedEvent[];
  /** The events' JSON size: a proxy for what they hold on the heap (about two to three times it). */
  bytes: number;
}

export interface StreamCacheStatistics {
  hits: number;
  misses: number;
  streams: number;
  bytes: number;
  maxBytes: number;
}

/**
 * Recently read streams, whole, in this process. Events never change and a stream only grows,
 * so a cached stream is never wrong, only possibly short: the reader asks the database for the
 * revisions after the cached ones (usually none) instead of for the whole stream. Bounded by
 * the events' size in bytes; least recently used streams go first.
 */
export class StreamCache {
  private readonly streams?: LRUCache<string, CachedStream>;
  private hits = 0;
  private misses = 0;

  constructor(private readonly maxBytes: number) {
    if (maxBytes > 0) this.streams = new LRUCache({ maxSize: maxBytes, sizeCalculation: (entry) => Math.max(1, entry.bytes) });
  }

  get(stream: string): CachedStream | undefined {
    const entry = this.streams?.get(stream);
    if (entry) this.hits++;
    else this.misses++;
    return entry;
  }

  /** A stream larger than the whole cache is not kept. */
  set(stream: string, entry: CachedStream): void {
    if (entry.bytes <= this.maxBytes) this.streams?.set(stream, entry);
  }

  statistics(): StreamCacheStatistics {
    return { hits: this.hits, misses: this.misses, streams: this.streams?.size ?? 0, bytes: this.streams?.calculatedSize ?? 0, maxBytes: this.maxBytes };
  }
}
