import { setMaxListeners } from 'node:events';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AggregatorEnvironment } from '../config/aggregator-environment';
import { AGGREGATOR_DATABASE, AggregatorDatabase } from '../database/aggregator-database';
import { HeadStore } from '../integrity/head-store';
import { pollHeads } from '../integrity/head-poller';
import { followFeed } from './feed-follower';
import { ItemStore } from './item-store';

/**
 * Two loops per source, the feed and the head, each on its own: a source that hangs holds
 * only its own loops (every request is bounded), never another source's.
 */
@Injectable()
export class Followers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Followers');
  private readonly stop = new AbortController();
  private loops: Promise<void>[] = [];

  constructor(
    private readonly environment: AggregatorEnvironment,
    @Inject(AGGREGATOR_DATABASE) private readonly database: AggregatorDatabase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Each of the two loops per source waits on the stop signal (a sleep, a request): that many listeners is no leak.
    setMaxListeners(4 * this.environment.sources.length + 10, this.stop.signal);
    const items = new ItemStore(this.database.pool);
    const heads = new HeadStore(this.database.pool);
    await items.register(this.environment.sources);
    const settings = {
      timeoutMs: this.environment.AGGREGATOR_REQUEST_TIMEOUT_MS,
      maxBytes: this.environment.AGGREGATOR_MAX_BODY_BYTES,
      pollMs: this.environment.AGGREGATOR_POLL_MS,
      pageSize: this.environment.AGGREGATOR_PAGE_SIZE,
      live: this.environment.AGGREGATOR_LIVE,
      liveIdleMs: this.environment.AGGREGATOR_LIVE_IDLE_MS,
    };
    const onFault = (source: string, error: unknown) => this.logger.warn(`${source}: ${error instanceof Error ? error.message : String(error)}`);
    this.loops = this.environment.sources.flatMap((source) => [
      followFeed(source, items, settings, this.stop.signal, onFault),
      pollHeads(source, heads, settings, this.stop.signal, onFault),
    ]);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await Promise.all(this.loops);
    await this.database.close();
  }
}
