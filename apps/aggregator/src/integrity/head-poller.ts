import { abortableSleep } from '@app/event-store/abortable-sleep';
import { Source } from '../config/sources';
import { FetchBounds, fetchJson, SourceFault } from '../follow/bounded-fetch';
import { parseHead } from './head-judgement';
import { HeadStore } from './head-store';

/**
 * Asks one source for its integrity head every `pollMs` and records what it shows. A source
 * that has no checkpoint yet answers 404, which is no fault; any other failure is reported and
 * asked again next time, like the feed's.
 */
export async function pollHeads(
  source: Source,
  store: HeadStore,
  settings: FetchBounds & { pollMs: number },
  signal: AbortSignal,
  onFault: (source: string, error: unknown) => void,
  clock: () => Date = () => new Date(),
): Promise<void> {
  let failures = 0;
  while (!signal.aborted) {
    try {
      const body = await fetchJson(`${source.baseUrl}/public/v1/integrity/head`, settings, signal);
      await store.record(source.name, parseHead(body), clock());
      failures = 0;
    } catch (error) {
      if (signal.aborted) return;
      if (!(error instanceof SourceFault && error.status === 404)) {
        failures++;
        onFault(source.name, error);
      }
    }
    // As the feed's: a source that keeps failing is asked less often, up to once a minute.
    await abortableSleep(Math.min(60_000, settings.pollMs * 2 ** Math.min(failures, 5)), signal);
  }
}
