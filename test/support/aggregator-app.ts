import { AddressInfo } from 'node:net';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { validateAggregatorEnvironment } from '../../apps/aggregator/src/config/aggregator-environment';
import { createAggregator } from '../../apps/aggregator/src/create-aggregator';
import { openAggregatorDatabase } from '../../apps/aggregator/src/database/aggregator-database';

export interface AggregatorApp {
  app: NestFastifyApplication;
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads an answer as the shape it expects
  get<T = any>(path: string): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

/** The real aggregator in this process, listening on a free port of 127.0.0.1, on `databaseUrl`. */
export async function startAggregator(databaseUrl: string, sources: Record<string, string>, settings: Record<string, string> = {}): Promise<AggregatorApp> {
  const environment = validateAggregatorEnvironment({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    AGGREGATOR_SOURCES: Object.entries(sources)
      .map(([name, url]) => `${name}=${url}`)
      .join(','),
    AGGREGATOR_POLL_MS: '100',
    AGGREGATOR_REQUEST_TIMEOUT_MS: '1500',
    ...settings,
  });
  const database = await openAggregatorDatabase(environment);
  const app = await createAggregator(environment, database, false);
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return {
    app,
    url,
    async get(path) {
      const response = await fetch(`${url}${path}`);
      return { status: response.status, body: (await response.json()) as never };
    },
    close: () => app.close(),
  };
}

/** Asks until `check` passes (it throws until then), or fails with its last error. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
