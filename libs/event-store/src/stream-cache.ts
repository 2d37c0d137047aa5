import { RecordedEvent } from './event-store';

/**
 * Recently read streams, whole, in this process. Events never change and a stream only grows,
 * so a cached stream is never wrong, only possibly short: the reader asks the database for the
 * revisions after the cached ones (usually none) instead of for the whole stream. Bounded by a
 * total number of events, least recently used streams go first.
 */
export class StreamCache {
  private readonly streams = new Map<string, readonly RecordedEvent[]>();
  private size = 0;

  constructor(private readonly maxEvents: number) {}

  get(stream: string): readonly RecordedEvent[] | undefined {
    const events = this.streams.get(stream);
    if (events) {
      // Re-insert to mark as most recently used (Map keeps insertion order).
      this.streams.delete(stream);
      this.streams.set(stream, events);
    }
    return events;
  }

  set(stream: string, events: readonly RecordedEvent[]): void {
    if (this.maxEvents <= 0 || events.length > this.maxEvents) return;
    this.size += events.length - (this.streams.get(stream)?.length ?? 0);
    this.streams.delete(stream);
    this.streams.set(stream, events);
    for (const [oldest, evicted] of this.streams) {
      if (this.size <= this.maxEvents) break;
      this.streams.delete(oldest);
      this.size -= evicted.length;
    }
  }
}
