/** Why a source's answer was not used: said in the source's `lastError`, never thrown further. */
export class SourceFault extends Error {
  override readonly name = 'SourceFault';

  constructor(
    message: string,
    /** The source's HTTP status, when it answered one. */
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface FetchBounds {
  timeoutMs: number;
  maxBytes: number;
}

/**
 * GETs `url` and answers its JSON, within `timeoutMs` for the whole exchange (a slow source and
 * an endless body end the same way) and `maxBytes` of body (read as it arrives, so a huge body
 * is cut off, never held). Anything else than a 2xx JSON answer is a SourceFault.
 */
export async function fetchJson(url: string, bounds: FetchBounds, signal?: AbortSignal): Promise<unknown> {
  // Not AbortSignal.any: its listener on the long-lived `signal` goes only when collected, so a loop would pile them up.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => ((timedOut = true), controller.abort()), bounds.timeoutMs);
  const stop = () => controller.abort();
  signal?.addEventListener('abort', stop, { once: true });
  const aborted = controller.signal;
  try {
    const response = await fetch(url, { signal: aborted, headers: { accept: 'application/json' }, redirect: 'error' });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new SourceFault(`answered ${response.status}`, response.status);
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > bounds.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new SourceFault(`announced a body of ${declared} bytes, more than ${bounds.maxBytes}`);
    }
    const text = await readBounded(response, bounds.maxBytes);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new SourceFault('answered something that is not JSON');
    }
  } catch (error) {
    if (error instanceof SourceFault) throw error;
    if (timedOut) throw new SourceFault(`did not answer within ${bounds.timeoutMs} ms`);
    if (signal?.aborted) throw error;
    throw new SourceFault(`could not be reached (${describeNetworkError(error)})`);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', stop);
  }
}

async function readBounded(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new SourceFault(`sent more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The cause's code (ECONNREFUSED …) or message ("bad port"), which says what happened without a
 * stack; fetch's own message is only "fetch failed". Read by shape, not `instanceof`: fetch's
 * errors may come from another realm (a test runner's).
 */
function describeNetworkError(error: unknown): string {
  const { message, cause } = (error ?? {}) as { message?: unknown; cause?: { code?: unknown; message?: unknown } };
  const said = [cause?.code, cause?.message, message].find((part) => typeof part === 'string' && part.length > 0);
  return typeof said === 'string' ? said : 'unknown error';
}
