import { SourceFault } from './bounded-fetch';
import { parseFeedPage } from './feed-page';
import { ItemStore } from './item-store';

/** The source has no live feed (404/405): it is followed by pages only, and this is no fault. */
export class NoLiveFeed extends Error {
  override readonly name = 'NoLiveFeed';
}

export interface LiveSettings {
  /** For the answer's headers to arrive. */
  timeoutMs: number;
  /** Silence (not even the ledger's 15-second heartbeat) after which the stream is given up. */
  liveIdleMs: number;
  /** The largest single event. */
  maxBytes: number;
}

/**
 * Follows `/public/v1/feed/live` from `after` (sent as Last-Event-ID, so the ledger first sends
 * what was missed): each `item` event is checked as a page of one and stored with the checkpoint
 * in one transaction, exactly as a page is; a heartbeat marks the source caught up. Returns
 * when the stream ends (the caller pages again, then comes back); throws a SourceFault for a
 * stream that is not one, an event too big or malformed, or a stream silent for too long.
 */
export async function followLive(
  source: { name: string; baseUrl: string },
  after: string,
  store: ItemStore,
  settings: LiveSettings,
  signal: AbortSignal,
  clock: () => Date,
): Promise<void> {
  const controller = new AbortController();
  let silence: string | null = null;
  let timer = setTimeout(() => ((silence = `did not open its live feed within ${settings.timeoutMs} ms`), controller.abort()), settings.timeoutMs);
  const heard = () => {
    clearTimeout(timer);
    timer = setTimeout(() => ((silence = `was silent on its live feed for ${settings.liveIdleMs} ms`), controller.abort()), settings.liveIdleMs);
  };
  const stop = () => controller.abort();
  signal.addEventListener('abort', stop, { once: true });
  let checkpoint = after;
  try {
    const response = await fetch(`${source.baseUrl}/public/v1/feed/live`, {
      signal: controller.signal,
      headers: { accept: 'text/event-stream', 'last-event-id': after },
      redirect: 'error',
    });
    if (response.status === 404 || response.status === 405) {
      await response.body?.cancel().catch(() => undefined);
      throw new NoLiveFeed();
    }
    if (!response.ok) throw new SourceFault(`answered ${response.status} on its live feed`, response.status);
    if (!(response.headers.get('content-type') ?? '').startsWith('text/event-stream'))
      throw new SourceFault('answered its live feed with something that is not an event stream');
    heard();
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let event: { type: string; id: string | null; data: string[] } = { type: 'message', id: null, data: [] };
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      heard();
      buffer += decoder.decode(value, { stream: true });
      for (let newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n')) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        if (line === '') {
          if (event.type === 'item' && event.data.length > 0) checkpoint = await storeEvent(source.name, checkpoint, event, store, clock);
          event = { type: 'message', id: null, data: [] };
        } else if (line.startsWith(':')) {
          await store.storePage(source.name, checkpoint, [], true, clock());
        } else {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const content = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') event.type = content;
          else if (field === 'id') event.id = content;
          else if (field === 'data') event.data.push(content);
        }
      }
      if (buffer.length + event.data.reduce((sum, data) => sum + data.length, 0) > settings.maxBytes)
        throw new SourceFault(`sent a live event of more than ${settings.maxBytes} bytes`);
    }
  } catch (error) {
    if (signal.aborted) return;
    if (silence) throw new SourceFault(silence);
    throw error;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
    controller.abort();
  }
}

async function storeEvent(
  source: string,
  checkpoint: string,
  event: { id: string | null; data: string[] },
  store: ItemStore,
  clock: () => Date,
): Promise<string> {
  let data: unknown;
  try {
    data = JSON.parse(event.data.join('\n'));
  } catch {
    throw new SourceFault('sent a live event that is not JSON');
  }
  const [item] = parseFeedPage({ items: [data] }, checkpoint);
  if (event.id !== null && event.id !== item.position) throw new SourceFault(`sent a live event whose id ${event.id.slice(0, 50)} is not its position`);
  await store.storePage(source, checkpoint, [item], true, clock());
  return item.position;
}
