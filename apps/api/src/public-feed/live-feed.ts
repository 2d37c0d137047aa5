import { PublicItemRow } from '@app/read-models';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { FeedHeadQuery, FeedPageQuery } from './feed-queries';
import { FeedSource, FeedSubscription } from './feed-subscription';

/** How often new items are looked for while someone listens: the live feed's latency. */
const POLL_MS = 200;
const BATCH = 500;

export interface LiveListener {
  /** New items, oldest first, each after every item given before. */
  deliver(items: PublicItemRow[]): void;
  /** The service is stopping: end the stream. */
  close(): void;
}

/**
 * One watcher of the public items per process, however many clients listen: it reads what
 * arrived after the last item it saw and hands it to every listener. Reading the read model
 * (not the projection's progress in this process) works when another process projects too.
 */
@Injectable()
export class LiveFeed implements FeedSource, BeforeApplicationShutdown {
  private readonly logger = new Logger(LiveFeed.name);
  private readonly listeners = new Set<LiveListener>();
  private head: Promise<string | null> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopping = false;

  constructor(private readonly queries: QueryBus) {}

  /**
   * A client's feed after `after` (after the newest item when it names none): what it missed,
   * then each new item once, in order, until it is closed or the service stops.
   */
  subscribe(after: string | undefined): FeedSubscription {
    return new FeedSubscription(this, after);
  }

  /**
   * Listens from now on. Resolves once the watcher knows where "now" is: every item committed
   * after that is delivered, so a client that then catches up from its own position up to an
   * empty page misses nothing (items land in log order, so later ones have higher positions).
   */
  async listen(listener: LiveListener): Promise<() => void> {
    if (this.stopping) throw new Error('The service is stopping');
    this.listeners.add(listener);
    this.head ??= this.newest();
    await this.head;
    this.schedule();
    return () => {
      this.listeners.delete(listener);
    };
  }

  page(after: string | null, limit: number): Promise<PublicItemRow[]> {
    return this.queries.execute(new FeedPageQuery(after ?? undefined, limit));
  }

  newest(): Promise<string | null> {
    return this.queries.execute(new FeedHeadQuery());
  }

  get listening(): number {
    return this.listeners.size;
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    for (const listener of this.listeners) listener.close();
    this.listeners.clear();
  }

  private schedule(): void {
    if (this.timer || this.stopping || this.listeners.size === 0) return;
    this.timer = setTimeout(() => void this.poll(), POLL_MS);
  }

  private async poll(): Promise<void> {
    try {
      const items = await this.page(await this.head, BATCH);
      if (items.length > 0) {
        this.head = Promise.resolve(items.at(-1)!.position);
        for (const listener of this.listeners) listener.deliver(items);
      }
    } catch (error) {
      // A database hiccup delays the stream; the next poll reads from the same head.
      this.logger.warn(`live feed poll failed: ${(error as Error).message}`);
    } finally {
      this.timer = null;
      if (this.listeners.size === 0) this.head = null;
      this.schedule();
    }
  }
}
