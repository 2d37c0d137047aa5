import { ProjectionEvent } from '@app/event-store';
import { Projection, ReadModel } from '@app/projections';
import { FindOptionsWhere } from 'typeorm';
import { rowStatements } from './row-sql';

/** A stored event as a domain fold expects it: its type and data, when it was recorded, the stream's revision after it. */
export function storedEvent<Stored>(event: ProjectionEvent): Stored {
  return { type: event.type, data: event.data, recordedAt: event.recordedAt, revision: event.revision } as Stored;
}

/**
 * `apply` for a read model with one row per stream: the event is folded into the row its key
 * names, and an event the row already reflects (a replay) changes nothing.
 */
export function rowPerStream<Row extends { revision: number }>(
  model: ReadModel<Row>,
  keyOf: (event: ProjectionEvent) => FindOptionsWhere<Row>,
  evolve: (row: Row | null, event: ProjectionEvent) => Row | null,
): Projection['apply'] {
  return async (event, target) => {
    const rows = target.repository(model);
    const current = await rows.findOneBy(keyOf(event));
    if (current && current.revision >= event.revision) return;
    const next = evolve(current, event);
    if (next) await rows.save(next);
  };
}

/**
 * The batch counterpart of `rowPerStream`, with the same result as applying the events one at a
 * time: the batch's events are grouped by the row their key names, the existing rows are read
 * in one query, each row's events are folded in memory (skipping those the row already
 * reflects), and every row that changed is written back with one upsert. `keyOf` must answer
 * the primary key columns, all of them.
 */
export function rowsPerStream<Row extends { revision: number }>(
  model: ReadModel<Row>,
  keyOf: (event: ProjectionEvent) => FindOptionsWhere<Row>,
  evolve: (row: Row | null, event: ProjectionEvent) => Row | null,
): NonNullable<Projection['applyBatch']> {
  return async (events, target) => {
    const statements = rowStatements(target, model);
    const groups = new Map<string, { key: FindOptionsWhere<Row>; events: ProjectionEvent[] }>();
    for (const event of events) {
      const key = keyOf(event);
      const id = statements.identity(key);
      const group = groups.get(id);
      if (group) group.events.push(event);
      else groups.set(id, { key, events: [event] });
    }

    const existing = new Map<string, Row>();
    for (const row of await statements.find([...groups.values()].map((group) => group.key))) existing.set(statements.identity(row), row);

    const changed: Row[] = [];
    for (const [id, group] of groups) {
      let row = existing.get(id) ?? null;
      let touched = false;
      for (const event of group.events) {
        if (row && row.revision >= event.revision) continue;
        const next = evolve(row, event);
        if (next) {
          row = next;
          touched = true;
        }
      }
      if (touched) changed.push(row!);
    }
    await statements.upsert(changed);
  };
}
