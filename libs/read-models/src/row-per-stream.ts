import { RecordedEvent } from '@app/event-store';
import { Projection, ReadModel } from '@app/projections';
import { FindOptionsWhere } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

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

/** Rows per statement: each statement carries them as one JSON parameter. */
const ROWS_PER_STATEMENT = 2000;

/**
 * The batch counterpart of `rowPerStream`, with the same result as applying the events one at a
 * time: the batch's events are grouped by the row their key names, the existing rows are read
 * in one query, each row's events are folded in memory (skipping those the row already
 * reflects), and every row that changed is written back with one upsert. `keyOf` must answer
 * the primary key columns, all of them.
 *
 * Keys and rows travel as one JSON parameter each (`json[b]_to_recordset`): a statement with a
 * parameter per value costs TypeORM and the server more than the rows themselves.
 */
export function rowsPerStream<Row extends { revision: number }>(
  model: ReadModel<Row>,
  keyOf: (event: RecordedEvent) => FindOptionsWhere<Row>,
  evolve: (row: Row | null, event: RecordedEvent) => Row | null,
): NonNullable<Projection['applyBatch']> {
  return async (events, target) => {
    const rows = target.repository(model);
    const { primaryColumns, columns, tablePath } = rows.metadata;
    const driver = target.manager.connection.driver;
    const quote = (name: string) => driver.escape(name);
    const recordType = (of: ColumnMetadata[]) =>
      of.map((column) => `${quote(column.databaseName)} ${driver.normalizeType(column)}${column.isArray ? '[]' : ''}`).join(', ');
    const record = (of: ColumnMetadata[], entity: object) =>
      Object.fromEntries(of.map((column): [string, unknown] => [column.databaseName, column.getEntityValue(entity)]));
    const identity = (key: object) => JSON.stringify(primaryColumns.map((column): unknown => column.getEntityValue(key)));

    const groups = new Map<string, { key: FindOptionsWhere<Row>; events: RecordedEvent[] }>();
    for (const event of events) {
      const key = keyOf(event);
      const id = identity(key);
      const group = groups.get(id);
      if (group) group.events.push(event);
      else groups.set(id, { key, events: [event] });
    }

    const existing = new Map<string, Row>();
    const keyList = primaryColumns.map((column) => quote(column.databaseName)).join(', ');
    const keys = [...groups.values()].map((group) => record(primaryColumns, group.key));
    for (let i = 0; i < keys.length; i += ROWS_PER_STATEMENT) {
      const found = await rows
        .createQueryBuilder('row')
        .where(
          `(${primaryColumns.map((column) => `row.${quote(column.databaseName)}`).join(', ')}) IN ` +
            `(SELECT ${keyList} FROM json_to_recordset(CAST(:keys AS json)) AS k(${recordType(primaryColumns)}))`,
          { keys: JSON.stringify(keys.slice(i, i + ROWS_PER_STATEMENT)) },
        )
        .getMany();
      for (const row of found) existing.set(identity(row), row);
    }

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

    const columnList = columns.map((column) => quote(column.databaseName)).join(', ');
    const updates = columns
      .filter((column) => !column.isPrimary)
      .map((column) => `${quote(column.databaseName)} = excluded.${quote(column.databaseName)}`)
      .join(', ');
    const upsert = `INSERT INTO ${tablePath.split('.').map(quote).join('.')} (${columnList})
      SELECT ${columnList} FROM jsonb_to_recordset($1::jsonb) AS r(${recordType(columns)})
      ON CONFLICT (${keyList}) DO UPDATE SET ${updates}`;
    for (let i = 0; i < changed.length; i += ROWS_PER_STATEMENT) {
      await target.manager.query(upsert, [JSON.stringify(changed.slice(i, i + ROWS_PER_STATEMENT).map((row) => record(columns, row)))]);
    }
  };
}
