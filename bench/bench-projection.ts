import { ProjectionEvent } from '@app/event-store';
import { defineReadModel, Projection, ProjectionTarget } from '@app/projections';

export interface StreamStatsRow {
  stream: string;
  events: number;
  lastRevision: number;
}

export const streamStats = defineReadModel<StreamStatsRow>({
  name: 'bench_stream_stats',
  columns: {
    stream: { type: 'text', primary: true },
    events: { type: 'int' },
    lastRevision: { type: 'int', name: 'last_revision' },
  },
});

/** Counts events per stream, folding each batch in memory and writing it with one upsert. */
export const streamStatsProjection: Projection = {
  name: 'bench-stream-stats',
  version: 1,
  readModels: [streamStats],
  handles: ['BenchEvent'],
  async apply(event, target) {
    await streamStatsProjection.applyBatch!([event], target);
  },
  async applyBatch(events: ProjectionEvent[], target: ProjectionTarget) {
    const perStream = new Map<string, { events: number; lastRevision: number }>();
    for (const event of events) {
      const stats = perStream.get(event.stream) ?? { events: 0, lastRevision: -1 };
      perStream.set(event.stream, { events: stats.events + 1, lastRevision: event.revision });
    }
    const table = target.repository(streamStats).metadata.tableName;
    await target.manager.query(
      `INSERT INTO ${table} AS t (stream, events, last_revision)
         SELECT * FROM unnest($1::text[], $2::int[], $3::int[])
       ON CONFLICT (stream) DO UPDATE SET events = t.events + excluded.events, last_revision = excluded.last_revision`,
      [[...perStream.keys()], [...perStream.values()].map((s) => s.events), [...perStream.values()].map((s) => s.lastRevision)],
    );
  },
};
