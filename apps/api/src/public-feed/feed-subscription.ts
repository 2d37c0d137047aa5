import { PublicItemRow } from '@app/read-models';

/** What a subscription needs of the live feed (LiveFeed): its watcher and the read model's items. */
export interface FeedSource {
  /** Hands every item committed from now on to `deliver`; `close` when the service stops. Resolves to the way to stop. */
  listen(listener: { deliver(items: PublicItemRow[]): void; close(): void }): Promise<() => void>;
  /** Items after `after` (exclusive), oldest first. */
  page(after: string | null, limit: number): Promise<PublicItemRow[]>;
  /** The newest item's position, or null before the first. */
  newest(): Promise<string | null>;
}

const CATCH_UP_PAGE = 500;

/**
 * One client's feed: the items after its position (after the newest one when it names none),
 * then each new item once, in log order, as batches. It listens before it catches up, so an
 * item that lands meanwhile arrives either in a page or from the watcher; whatever comes both
 * ways is given once. Ends when `close` is called or the service stops.
 */
export class FeedSubscription implements AsyncIterable<PublicItemRow[]> {
  /** The position of the last item given, or null when there was none to start after. */
  private given: string | null;
  /** Items from the watcher not yet given: held while catching up, then given as they come. */
  private readonly arrived: PublicItemRow[] = [];
  private wake: (() => void) | null = null;
  private closed = false;

  constructor(
    private readonly source: FeedSource,
    private readonly after: string | undefined,
  ) {
    this.given = after ?? null;
  }

  close(): void {
    this.closed = true;
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<PublicItemRow[]> {
    const stopListening = await this.source.listen({ deliver: (items) => this.deliver(items), close: () => this.close() });
    try {
      if (this.after === undefined) this.given = await this.source.newest();
      for (;;) {
        const page = await this.source.page(this.given, CATCH_UP_PAGE);
        if (this.closed) return;
        yield this.unseen(page);
        if (page.length < CATCH_UP_PAGE) break;
      }
      while (!this.closed) {
        if (this.arrived.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = null;
        if (!this.closed) yield this.unseen(this.arrived.splice(0));
      }
    } finally {
      stopListening();
    }
  }

  private deliver(items: PublicItemRow[]): void {
    this.arrived.push(...items);
    this.wake?.();
  }

  /** The items after the last one given, which from now on count as given. */
  private unseen(items: PublicItemRow[]): PublicItemRow[] {
    const fresh: PublicItemRow[] = [];
    for (const item of items) {
      if (this.given !== null && item.position <= this.given) continue;
      fresh.push(item);
      this.given = item.position;
    }
    return fresh;
  }
}
