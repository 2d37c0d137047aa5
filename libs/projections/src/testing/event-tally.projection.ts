import { ProjectionEvent } from '@app/event-store';
import { Projection, ProjectionTarget } from '../projection';
import { defineReadModel } from '../read-model';

export interface EventTallyRow {
  stream: string;
  count: number;
  lastRevision: number;
}

export interface EventLedgerRow {
  id: number;
  eventId: string;
  stream: string;
}

export const eventTally = defineReadModel<EventTallyRow>({
  name: 'test_event_tally',
  columns: {
    stream: { type: 'text', primary: true },
    count: { type: 'int' },
    lastRevision: { type: 'int', name: 'last_revision' },
  },
});

/** No unique key on purpose: an event applied twice shows up as two rows. */
export const eventLedger = defineReadModel<EventLedgerRow>({
  name: 'test_event_ledger',
  columns: {
    id: { type: 'int', primary: true, generated: 'increment' },
    eventId: { type: 'uuid', name: 'event_id' },
    stream: { type: 'text' },
  },
});

/**
 * A deliberately non-idempotent projection for testing the runner: it counts events per
 * stream and writes one ledger row per application, so a duplicate or a loss is visible.
 */
export function eventTallyProjection(options: { version?: number; delayMsPerEvent?: number } = {}): Projection {
  return {
    name: 'test-event-tally',
    version: options.version ?? 1,
    readModels: [eventTally, eventLedger],
    handles: ['Tallied'],
    async apply(event: ProjectionEvent, target: ProjectionTarget) {
      await target.repository(eventLedger).insert({ eventId: event.id, stream: event.stream });
      const tally = target.repository(eventTally);
      const current = await tally.findOneBy({ stream: event.stream });
      await tally.save({ stream: event.stream, count: (current?.count ?? 0) + 1, lastRevision: event.revision });
      if (options.delayMsPerEvent) await target.manager.query('SELECT pg_sleep($1)', [options.delayMsPerEvent / 1000]);
    },
  };
}
