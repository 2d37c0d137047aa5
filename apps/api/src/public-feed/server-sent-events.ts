import type { ServerResponse } from 'node:http';

/** One SSE event: `id` set so that a reconnecting client sends it back as Last-Event-ID. */
export const sseEvent = (id: string, event: string, data: unknown): string => `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** A comment line: proxies and clients see traffic and keep the connection open. */
export const SSE_HEARTBEAT = ': heartbeat\n\n';

/**
 * Starts an event stream on the raw response, with the headers already set on the reply (the
 * request id) and those SSE needs: no caching or transforming by proxies, no buffering by nginx,
 * and the client's reconnection delay. The connection closes with the stream: it was the
 * stream's for its whole life, and a socket left idle after it would hold up a shutdown.
 */
export function openEventStream(raw: ServerResponse, headers: Record<string, unknown>): void {
  raw.writeHead(200, {
    ...Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== undefined)),
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'close',
    'X-Accel-Buffering': 'no',
  });
  raw.write('retry: 2000\n\n');
}
