import { ProjectionTarget, ReadModel } from '@app/projections';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** Rows per statement: each statement carries them as one JSON parameter. */
const ROWS_PER_STATEMENT = 2000;

/**
 * Reads and upserts of many rows of a read model by primary key, a statement per
 * ROWS_PER_STATEMENT rows. Keys and rows travel as one JSON parameter each
 * (`json[b]_to_recordset`): a statement with a parameter per value costs TypeORM and the server
 * more than the rows themselves. With the leaseholder's held rows in the target, a row the
 * runner committed earlier is not read again, and a row read and then written here is held once
 * the batch commits (a row only written, a feed's item, is not: nothing reads it back).
 */
export interface RowStatements<Row extends object> {
  /** The primary key of a row or key object, as one string. */
  identity(key: object): string;
  /** The rows whose primary keys are among `keys`; each key object holds every primary key column. */
  find(keys: object[]): Promise<Row[]>;
  /** Inserts the rows, or replaces every column of those that exist. */
  upsert(rows: Row[]): Promise<void>;
}

/** The row as a read of it answers: its columns only, and null where one was left undefined. */
function asStored<Row extends object>(columns: ColumnMetadata[], row: Row): Row {
  const stored: Record<string, unknown> = {};
  for (const column of columns) stored[column.propertyName] = column.getEntityValue(row) ?? null;
  return stored as Row;
}

export function rowStatements<Row extends object>(target: ProjectionTarget, model: ReadModel<Row>): RowStatements<Row> {
  const rows = target.repository(model);
  const { primaryColumns, columns, tablePath } = rows.metadata;
  const driver = target.manager.connection.driver;
  const quote = (name: string) => driver.escape(name);
  const recordType = (of: ColumnMetadata[]) =>
    of.map((column) => `${quote(column.databaseName)} ${driver.normalizeType(column)}${column.isArray ? '[]' : ''}`).join(', ');
  const record = (of: ColumnMetadata[], entity: object) =>
    Object.fromEntries(of.map((column): [string, unknown] => [column.databaseName, column.getEntityValue(entity)]));
  const keyList = primaryColumns.map((column) => quote(column.databaseName)).join(', ');
  const columnList = columns.map((column) => quote(column.databaseName)).join(', ');
  const updates = columns
    .filter((column) => !column.isPrimary)
    .map((column) => `${quote(column.databaseName)} = excluded.${quote(column.databaseName)}`)
    .join(', ');
  const upsert = `INSERT INTO ${tablePath.split('.').map(quote).join('.')} (${columnList})
    SELECT ${columnList} FROM jsonb_to_recordset($1::jsonb) AS r(${recordType(columns)})
    ON CONFLICT (${keyList}) DO ${updates ? `UPDATE SET ${updates}` : 'NOTHING'}`;

  // Called for every row a batch touches, several times (the dashboards: a million times in a
  // regency's rebuild), so the key is read from plain properties and joined, not mapped through
  // TypeORM and stringified; a column's values are all of its one type, so they cannot collide.
  const keyProperties = primaryColumns.map((column) => column.propertyName);
  const plainKeys = primaryColumns.every((column) => !column.embeddedMetadata && !column.relationMetadata);
  const identity = plainKeys
    ? (key: object) => keyProperties.map((property) => String((key as Record<string, unknown>)[property])).join('\u0000')
    : (key: object) => JSON.stringify(primaryColumns.map((column): unknown => column.getEntityValue(key)));
  const { held } = target;
  /** The identities `find` was asked for: the rows worth holding once written. */
  const asked = new Set<string>();

  return {
    identity,
    async find(keys) {
      const found: Row[] = [];
      const missing: object[] = [];
      for (const key of keys) {
        const id = identity(key);
        asked.add(id);
        const row = held?.get(tablePath, id) as Row | undefined;
        if (row) found.push(row);
        else missing.push(key);
      }
      for (let i = 0; i < missing.length; i += ROWS_PER_STATEMENT) {
        const page = missing.slice(i, i + ROWS_PER_STATEMENT).map((key) => record(primaryColumns, key));
        found.push(
          ...(await rows
            .createQueryBuilder('row')
            .where(
              `(${primaryColumns.map((column) => `row.${quote(column.databaseName)}`).join(', ')}) IN ` +
                `(SELECT ${keyList} FROM json_to_recordset(CAST(:keys AS json)) AS k(${recordType(primaryColumns)}))`,
              { keys: JSON.stringify(page) },
            )
            .getMany()),
        );
      }
      return found;
    },
    async upsert(changed) {
      for (let i = 0; i < changed.length; i += ROWS_PER_STATEMENT) {
        const page = changed.slice(i, i + ROWS_PER_STATEMENT);
        const records = page.map((row) => JSON.stringify(record(columns, row)));
        await target.manager.query(upsert, [`[${records.join(',')}]`]);
        if (!held) continue;
        page.forEach((row, k) => {
          const id = identity(row);
          if (asked.has(id)) held.stage(tablePath, id, asStored(columns, row), records[k].length);
          else held.drop(tablePath, id);
        });
      }
    },
  };
}
