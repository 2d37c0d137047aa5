import { comparePositions, deepFreeze, EventStore, FilteredPage, Position, ProjectionEvent, WakeSignal } from '@app/event-store';

export interface LogTailOptions {
  /** Recent events kept for the runners (ten of their pages); a runner further behind reads the store itself. */
  capacity?: number;
  /** Events per read of the log. */
  pageSize?: number;
  onError?: (error: unknown) => void;
}

/**
 * The live end of the log, read once for every projection runner of this process. Each runner
 * used to ask the database on every write whether there was anything new and then for its own
 * page of it: 22 runners made some 40 round trips per write, most of them to learn that the
 * write was not theirs, and cost each correction more CPU than the write itself. The tail
 * follows the log from the head it found at start and keeps the last `capacity` events; a
 * runner whose checkpoint falls inside them reads its page here and waits here, one that is
 * further behind (a rebuild, a process that was down) reads the store as before until it
 * catches up. The tail reads below the same horizon as the store's own pages, so what it
 * answers is the same prefix of the log, in the same order.
 */
export class LogTail {
  private readonly capacity: number;
  private readonly pageSize: number;
  /** Oldest first; all after `from`. */
  private events: ProjectionEvent[] = [];
  /** The position the kept events follow: undefined until the tail has started. */
  private from: Position | null | undefined;
  private readonly changed = new WakeSignal();
  private stopController?: AbortController;
  private running?: Promise<void>;

  constructor(
    private readonly store: EventStore,
    private readonly options: LogTailOptions = {},
  ) {
    this.capacity = options.capacity ?? 5_000;
    this.pageSize = options.pageSize ?? 1000;
  }

  start(): void {
    if (this.running) return;
    const controller = new AbortController();
    this.stopController = controller;
    this.running = this.follow(controller.signal);
  }

  async stop(): Promise<void> {
    this.stopController?.abort();
    await this.running;
    this.running = undefined;
    this.from = undefined;
    this.events = [];
    this.changed.notify();
  }

  /** Whether a runner at `after` can read and wait here. */
  covers(after: Position | null): boolean {
    return this.from !== undefined && comparePositions(after, this.from) >= 0;
  }

  /**
   * The page the store's `readAllOf` would answer, when the tail covers `after`; undefined when
   * it does not. A runner ahead of the tail (it read the store a moment before the tail did)
   * gets an empty page and waits for the tail to reach it.
   */
  pageAfter(after: Position | null, limit: number, handles: ReadonlySet<string>): FilteredPage | undefined {
    if (!this.covers(after)) return undefined;
    const start = this.firstAfter(after);
    const window = this.events.slice(start, start + limit);
    return { events: window.filter((event) => handles.has(event.type)), last: window.at(-1)?.position ?? null };
  }

  /** How many kept events follow `after` (0 when the tail does not cover it). */
  countAfter(after: Position | null): number {
    return this.covers(after) ? this.events.length - this.firstAfter(after) : 0;
  }

  /**
   * Resolves at once when the tail holds an event after `after` (or no longer covers it),
   * otherwise at the tail's next page, after `timeoutMs`, or when `signal` aborts.
   */
  waitAfter(after: Position | null, timeoutMs: number, signal: AbortSignal): Promise<void> {
    if (!this.covers(after) || this.firstAfter(after) < this.events.length) return Promise.resolve();
    return this.changed.wait(timeoutMs, signal);
  }

  private async follow(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        const head = await this.store.headPosition();
        this.from = head;
        this.events = [];
        for await (const page of this.store.subscribeToAll({ after: head, limit: this.pageSize, signal })) {
          this.keep(page);
          this.changed.notify();
        }
      } catch (error) {
        // The runners fall back to the store until the tail follows again.
        this.from = undefined;
        this.events = [];
        this.changed.notify();
        if (signal.aborted) return;
        this.options.onError?.(error);
        await new Promise((resolve) => setTimeout(resolve, 1000).unref());
      }
    }
  }

  private keep(page: readonly ProjectionEvent[]): void {
    // Shared by every runner: none may change what another is given.
    for (const { id, type, stream, revision, position, recordedAt, data } of page) {
      this.events.push(deepFreeze({ id, type, stream, revision, position, recordedAt, data }));
    }
    const excess = this.events.length - this.capacity;
    if (excess > 0) {
      this.from = this.events[excess - 1].position;
      this.events = this.events.slice(excess);
    }
  }

  /** The index of the first kept event after `after` (binary search: positions only grow). */
  private firstAfter(after: Position | null): number {
    let low = 0;
    let high = this.events.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (comparePositions(this.events[middle].position, after) <= 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
