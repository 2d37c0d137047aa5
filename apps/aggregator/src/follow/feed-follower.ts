import { abortableSleep } from '@app/event-store/abortable-sleep';
import { Source } from '../config/sources';
import { FetchBounds, fetchJson } from './bounded-fetch';
import { parseFeedPage } from './feed-page';
import { ItemStore } from './item-store';
import { followLive, NoLiveFeed } from './live-feed';

export interface FollowSettings extends FetchBounds {
  pageSize: number;
  pollMs: number;
  /** Follow the live feed (SSE) once caught up, rather than asking for a page every pollMs. */
  live: boolean;
  liveIdleMs: number;
}

/**
 * Follows one source's public feed by pages: after the stored checkpoint, store, repeat; a page
 * shorter than asked for means caught up. Caught up, it follows the live feed from the
 * checkpoint (Last-Event-ID) until that stream ends, then pages again; a source without one (or
 * with `live` off, or before its first item, where "from now" could skip one) is asked again
 * after `pollMs`. A fault (down, slow,
 * garbage, too big) is recorded on the source and retried after a wait that grows to a minute;
 * it never leaves this loop, so one source cannot stop another.
 */
export async function followFeed(
  source: Source,
  store: ItemStore,
  settings: FollowSettings,
  signal: AbortSignal,
  onFault: (source: string, error: unknown) => void,
  clock: () => Date = () => new Date(),
): Promise<void> {
  let failures = 0;
  let live = settings.live;
  while (!signal.aborted) {
    try {
      const after = await store.checkpoint(source.name);
      const query = new URLSearchParams({ limit: String(settings.pageSize), ...(after ? { after } : {}) });
      const body = await fetchJson(`${source.baseUrl}/public/v1/feed?${query.toString()}`, settings, signal);
      const items = parseFeedPage(body, after);
      if (items.length > settings.pageSize) throw new Error(`answered ${items.length} items for a page of ${settings.pageSize}`);
      const caughtUp = items.length < settings.pageSize;
      await store.storePage(source.name, after, items, caughtUp, clock());
      failures = 0;
      if (!caughtUp) continue;
      const checkpoint = items.at(-1)?.position ?? after;
      if (live && checkpoint !== null) {
        try {
          await followLive(source, checkpoint, store, settings, signal, clock);
          // The stream ended (a restart, a proxy): back soon, as an EventSource would (the ledger asks for 2 s).
          await abortableSleep(Math.min(settings.pollMs, 2000), signal);
          continue;
        } catch (error) {
          if (!(error instanceof NoLiveFeed)) throw error;
          live = false;
        }
      }
      await abortableSleep(settings.pollMs, signal);
    } catch (error) {
      if (signal.aborted) return;
      failures++;
      onFault(source.name, error);
      await store.recordFault(source.name, error instanceof Error ? error.message : String(error), clock()).catch(() => undefined);
      await abortableSleep(Math.min(60_000, settings.pollMs * 2 ** Math.min(failures - 1, 5)), signal);
    }
  }
}
