import { RecordedEvent } from '@app/event-store';
import { Projection, ReadModel } from '@app/projections';
import { FindOptionsWhere } from 'typeorm';

/** A stored event as a domain fold expects it: its type and data, when it was recorded, the stream's revision after it. */
export function storedEvent<Stored>(event: RecordedEvent): Stored {
  return { type: event.type, data: event.data, recordedAt: event.recordedAt, revision: event.revision } as Stored;
}

/**
 * `apply` for a read model with one row per stream: the event is folded into the row its key
 * names, and an event the row already reflects (a replay) changes nothing.
 */
export function rowPerStream<Row extends { revision: number }>(
  model: ReadModel<Row>,
  keyOf: (event: RecordedEvent) => FindOptionsWhere<Row>,
  evolve: (row: Row | null, event: RecordedEvent) => Row | null,
): Projection['apply'] {
  return async (event, target) => {
    const rows = target.repository(model);
    const current = await rows.findOneBy(keyOf(event));
    if (current && current.revision >= event.revision) return;
    const next = evolve(current, event);
    if (next) await rows.save(next);
  };
}
