import { EVENT_STORE, EventStore } from '@app/event-store';
import { Projections } from '@app/projections';
import { Controller, Get, Header, Inject, Injectable, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { Public } from '../auth/auth.decorators';
import { LogHorizon } from './log-horizon';
import { MetricsAccessGuard } from './metrics-access';

/** Prometheus metrics of this process: HTTP latency, projection lag, the caches, Node's own. */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'kl_http_request_duration_seconds',
    help: 'HTTP request latency by route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly httpRequests = new Counter({
    name: 'kl_http_requests_total',
    help: 'HTTP requests by route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  constructor(projections: Projections, @Inject(EVENT_STORE) store: EventStore, horizon: LogHorizon) {
    collectDefaultMetrics({ register: this.registry, prefix: 'kl_' });
    cacheGauges(this.registry, 'kl_stream_cache', 'Event JSON held by the in-process stream cache', 'stream reads', () => store.streamCacheStatistics?.());
    cacheGauges(this.registry, 'kl_read_cache', 'JSON held by the in-process read cache of read model rows and views', 'by-key reads', () =>
      projections.readCacheStatistics(),
    );
    new Gauge({
      name: 'kl_projection_lag_seconds',
      help: 'Age of the oldest event a projection has not applied yet (0 when caught up)',
      labelNames: ['projection'] as const,
      registers: [this.registry],
      async collect() {
        for (const status of await projections.status()) {
          const [next] = await store.readAll({ after: status.position, limit: 1 });
          this.set({ projection: status.name }, next ? Math.max(0, (Date.now() - Date.parse(next.recordedAt)) / 1000) : 0);
        }
      },
    });
    if (horizon.applies) {
      new Gauge({
        name: 'kl_event_log_horizon_age_seconds',
        help: 'How long the oldest transaction on the PostgreSQL server (any database) has held back reading the event log (0 when none)',
        registers: [this.registry],
        async collect() {
          this.set((await horizon.oldestBlocker())?.ageSeconds ?? 0);
        },
      });
    }
  }
}

interface CacheStatistics {
  hits: number;
  misses: number;
  bytes: number;
  maxBytes: number;
}

/** `<prefix>_bytes{of="used"|"max"}` and `<prefix>_hit_ratio` of one in-process cache. */
function cacheGauges(registry: Registry, prefix: string, holds: string, reads: string, statistics: () => CacheStatistics | undefined): void {
  new Gauge({
    name: `${prefix}_bytes`,
    help: `${holds}, and its bound`,
    labelNames: ['of'] as const,
    registers: [registry],
    collect() {
      const current = statistics();
      if (!current) return;
      this.set({ of: 'used' }, current.bytes);
      this.set({ of: 'max' }, current.maxBytes);
    },
  });
  new Gauge({
    name: `${prefix}_hit_ratio`,
    help: `Share of ${reads} answered from the cache since the process started`,
    registers: [registry],
    collect() {
      const current = statistics();
      if (current) this.set(current.hits + current.misses === 0 ? 0 : current.hits / (current.hits + current.misses));
    },
  });
}

/**
 * Latency and count of every answer, 404s and refusals before the handler included; a Fastify
 * hook, so the route's handler chain carries no interceptor for it.
 */
export function countRequests(fastify: FastifyInstance, metrics: Metrics): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    // Route templates, never concrete paths: an OPD code or a NIP must not become a label.
    const labels = { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) };
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
    metrics.httpRequests.inc(labels);
    done();
  });
}

@ApiExcludeController()
@Public()
@UseGuards(MetricsAccessGuard)
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
