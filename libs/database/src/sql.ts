/** The slice of `pg`'s Pool/Client API that our code uses; `pg.Pool` satisfies it as is. */
export interface SqlQueryConfig {
  /** A name makes `pg` prepare the statement once per connection. */
  name?: string;
  text: string;
  values?: unknown[];
}

export interface SqlResult<Row> {
  rows: Row[];
  rowCount: number | null;
}

export interface SqlQueryable {
  query<Row = Record<string, unknown>>(query: string | SqlQueryConfig, values?: unknown[]): Promise<SqlResult<Row>>;
}

export interface SqlClient extends SqlQueryable {
  release(error?: Error | boolean): void;
}

export interface SqlPool extends SqlQueryable {
  connect(): Promise<SqlClient>;
}

export async function inTransaction<T>(pool: SqlPool, work: (client: SqlClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    // A client whose connection broke must not go back into the pool.
    client.release(error instanceof Error ? error : true);
    throw error;
  }
}
