import { ProjectionTarget, ReadModel } from '@app/projections';
import { rowStatements, RowStatements } from './row-sql';

/**
 * A batch's rows of one read model, held in memory: what a projection reads it reads from here
 * (from the database the first time, then as the batch left it), and every row it puts is
 * written once, when the batch is flushed. Applying a batch's events one by one against it
 * leaves the rows that applying them one by one against the tables would.
 */
export class RowBuffer<Row extends object> {
  private readonly statements: RowStatements<Row>;
  private readonly rows = new Map<string, Row | null>();
  private readonly changed = new Set<string>();

  constructor(target: ProjectionTarget, model: ReadModel<Row>) {
    this.statements = rowStatements(target, model);
  }

  /** Reads the rows of these keys that are not held yet, in one query: a hint, `get` reads what it lacks. */
  async load(keys: object[]): Promise<void> {
    const missing = new Map<string, object>();
    for (const key of keys) {
      const id = this.statements.identity(key);
      if (!this.rows.has(id)) missing.set(id, key);
    }
    if (missing.size === 0) return;
    for (const id of missing.keys()) this.rows.set(id, null);
    for (const row of await this.statements.find([...missing.values()])) this.rows.set(this.statements.identity(row), row);
  }

  async get(key: object): Promise<Row | null> {
    const id = this.statements.identity(key);
    if (!this.rows.has(id)) await this.load([key]);
    return this.rows.get(id) ?? null;
  }

  /** The row held for a key `load` or `get` read, without a query. */
  held(key: object): Row | null {
    return this.rows.get(this.statements.identity(key)) ?? null;
  }

  put(row: Row): void {
    const id = this.statements.identity(row);
    this.rows.set(id, row);
    this.changed.add(id);
  }

  async flush(): Promise<void> {
    await this.statements.upsert([...this.changed].map((id) => this.rows.get(id)!));
    this.changed.clear();
  }
}
