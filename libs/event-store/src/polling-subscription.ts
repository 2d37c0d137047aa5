import { Position } from './position';
import { ReadAllOptions, RecordedEvent, SubscribeOptions } from './event-store';

/** Wakes waiting subscribers when new events may have been committed. */
export class WakeSignal {
  private waiters = new Set<() => void>();

  notify(): void {
    const waiters = this.waiters;
    this.waiters = new Set();
    waiters.forEach((wake) => wake());
  }

  /** Resolves on the next notify, after `timeoutMs`, or when `signal` aborts. */
  wait(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal?.addEventListener('abort', done, { once: true });
      this.waiters.add(done);
    });
  }
}

/**
 * Catch-up then live, as one loop: read a batch after the last position; when there is none,
 * wait for a notification or the poll interval. Polling is the safety net for notifications
 * that are lost or that arrive before the events are readable.
 */
export async function* pollGlobalLog(
  readAll: (options: ReadAllOptions) => Promise<RecordedEvent[]>,
  wake: WakeSignal,
  options: SubscribeOptions & { pollIntervalMs: number },
): AsyncGenerator<RecordedEvent[]> {
  let after: Position | null = options.after ?? null;
  const limit = options.limit ?? 500;
  while (!options.signal?.aborted) {
    const batch = await readAll({ after, limit });
    if (batch.length > 0) {
      after = batch[batch.length - 1].position;
      yield batch;
      continue;
    }
    await wake.wait(options.pollIntervalMs, options.signal);
  }
}
