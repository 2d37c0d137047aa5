import { ProjectionTarget, ReadModel } from '@app/projections';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** Rows per statement: each statement carries them as one JSON parameter. */
const ROWS_PER_STATEMENT = 2000;

/**
 * Reads and upserts of many rows of a read model by primary key, a statement per
 * ROWS_PER_STATEMENT rows. Keys and rows travel as one JSON parameter each
 * (`json[b]_to_recordset`): a statement with a parameter per value costs TypeORM and the server
 * more than the rows themselves.
 */
export interface RowStatements<Row extends object> {
  /** The primary key of a row or key object, as one string. */
  identity(key: object): string;
  /** The rows whose primary keys are among `keys`; each key object holds every primary key column. */
  find(keys: object[]): Promise<Row[]>;
  /** Inserts the rows, or replaces every column of those that exist. */
  upsert(rows: Row[]): Promise<void>;
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

  return {
    identity: (key) => JSON.stringify(primaryColumns.map((column): unknown => column.getEntityValue(key))),
    async find(keys) {
      const found: Row[] = [];
      for (let i = 0; i < keys.length; i += ROWS_PER_STATEMENT) {
        const page = keys.slice(i, i + ROWS_PER_STATEMENT).map((key) => record(primaryColumns, key));
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
        await target.manager.query(upsert, [JSON.stringify(changed.slice(i, i + ROWS_PER_STATEMENT).map((row) => record(columns, row)))]);
      }
    },
  };
}
