/**
 * Resolves after `ms`, or at once when `signal` aborts. The abort listener goes when the timer
 * fires: a loop that sleeps every second on one long-lived signal would otherwise add a listener
 * (and keep its closure) per sleep, for as long as the process runs.
 */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
