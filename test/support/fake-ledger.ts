import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A stand-in for a regency ledger's public side, for aggregator tests: a feed and an integrity
 * head the test writes, served as the API serves them (`/public/v1/feed?after=&limit=`,
 * `/public/v1/integrity/head`), or any answer the test wants instead (`misbehave`).
 */
export interface FakeLedger {
  url: string;
  items: Array<Record<string, unknown>>;
  head: Record<string, unknown> | null;
  /** Answers every request itself while set: garbage, a slow or endless body, a 500. */
  misbehave: ((request: IncomingMessage, response: ServerResponse) => void) | null;
  /** Feed requests answered so far. */
  feedRequests: number;
  /** Serve `/public/v1/feed/live` (Server-Sent Events) as the API does; off, it is a 404 as on a ledger without one. */
  live: boolean;
  /** The Last-Event-ID of each live connection, in order. */
  lastEventIds: Array<string | undefined>;
  /** Appends an item and sends it to every open live connection. */
  publish(item: Record<string, unknown>): void;
  /** Ends every open live connection, as a restart would. */
  cutLive(): void;
  close(): Promise<void>;
}

export const feedPosition = (n: number) => `${String(n).padStart(20, '0')}-${'0'.repeat(20)}`;

export function feedItem(n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    position: feedPosition(n),
    occurredAt: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
    type: 'PLAN_APPROVED',
    opdCode: `OPD${n % 7}`,
    year: 2026,
    title: `Item ${n}`,
    summary: '1 sasaran, 1 indikator',
    link: `/public/v1/opds/OPD${n % 7}/2026`,
    pageUrl: `/opd/OPD${n % 7}/2026`,
    details: { version: 1 },
    ...overrides,
  };
}

const sse = (item: Record<string, unknown>) => `id: ${item.position as string}\nevent: item\ndata: ${JSON.stringify(item)}\n\n`;

export async function startFakeLedger(port = 0): Promise<FakeLedger> {
  const sockets = new Set<import('node:net').Socket>();
  const liveClients = new Set<ServerResponse>();
  const ledger: FakeLedger = {
    url: '',
    items: [],
    head: null,
    misbehave: null,
    feedRequests: 0,
    live: false,
    lastEventIds: [],
    publish(item) {
      ledger.items.push(item);
      for (const client of liveClients) client.write(sse(item));
    },
    cutLive() {
      for (const client of liveClients) client.end();
      liveClients.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((request, response) => {
    if (ledger.misbehave) return ledger.misbehave(request, response);
    const url = new URL(request.url ?? '/', 'http://x');
    const json = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/public/v1/feed') {
      ledger.feedRequests++;
      const after = url.searchParams.get('after');
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const items = ledger.items.filter((item) => after === null || (item.position as string) > after).slice(0, limit);
      return json(200, { items, next: items.at(-1)?.position ?? after });
    }
    if (url.pathname === '/public/v1/feed/live' && ledger.live) {
      const after = request.headers['last-event-id'] as string | undefined;
      ledger.lastEventIds.push(after);
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
      response.write('retry: 2000\n\n');
      for (const item of ledger.items) if (after === undefined || (item.position as string) > after) response.write(sse(item));
      liveClients.add(response);
      response.once('close', () => liveClients.delete(response));
      return;
    }
    if (url.pathname === '/public/v1/integrity/head') return ledger.head ? json(200, ledger.head) : json(404, { code: 'NOT_FOUND' });
    json(404, { code: 'NOT_FOUND' });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  ledger.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return ledger;
}
