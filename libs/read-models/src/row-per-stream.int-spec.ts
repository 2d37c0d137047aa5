import { migrateSchema } from '@app/database';
import { HeldRows, openReadModelDataSource, Projection, ProjectionStateStore, ProjectionTarget, ReadModel, Slot } from '@app/projections';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { findingReadModel, findingRegisterProjection } from './audit-finding/finding-register.projection';
import { opdReadModel, opdRegistryProjection } from './opd/opd-registry.projection';
import { PlanRow, planReadModel, planRegisterProjection } from './plan/plan-register.projection';
import { rowStatements } from './row-sql';
import { skpReadModel, skpRegisterProjection } from './skp/skp-register.projection';
import { interleavedLog } from './testing/interleaved-log';

const PROJECTIONS: Array<[Projection, ReadModel<object>]> = [
  [opdRegistryProjection, opdReadModel],
  [planRegisterProjection, planReadModel],
  [skpRegisterProjection, skpReadModel],
  [findingRegisterProjection, findingReadModel],
];

describe('rowsPerStream: a batch applied at once', () => {
  let testDatabase: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    dataSource = await openReadModelDataSource(
      testDatabase.database,
      PROJECTIONS.map(([projection]) => projection),
    );
    await migrateSchema(testDatabase.database.pool);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await testDatabase.drop();
  });

  /** A batch's transaction, as a runner opens it; with `held`, as a leaseholder does (committed when it is). */
  async function inTransaction(slot: Slot, work: (target: ProjectionTarget) => Promise<void>, held?: HeldRows): Promise<void> {
    await dataSource.transaction((manager) => work({ manager, repository: (model) => manager.getRepository(model.schemas[slot]), held }));
    held?.commit();
  }

  const rowsOf = async (model: ReadModel<object>, slot: Slot) => {
    const rows = await dataSource.getRepository(model.schemas[slot]).find();
    return rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  };

  it.each(
    PROJECTIONS.flatMap(([projection, model]) => [
      [projection.name, 'reading every row', projection, model, false] as const,
      [projection.name, 'folding from the rows it holds', projection, model, true] as const,
    ]),
  )('%s, %s: the rows equal those of one event at a time, across batches, with replays', async (_name, _how, projection, model, holding) => {
    const state = new ProjectionStateStore(dataSource);
    await state.prepareSlot(projection, 'a');
    await state.prepareSlot(projection, 'b');
    const handled = interleavedLog().filter((event) => projection.handles.includes(event.type));
    expect(handled.length).toBeGreaterThan(1);
    const half = Math.ceil(handled.length / 2);
    // Two batches: the second starts with events the rows already reflect (a runner that
    // crashed after writing them reads them again), and repeats some of its own.
    const batches = [handled.slice(0, half), [...handled.slice(half - 2), ...handled.slice(half - 1, half + 1)]];

    const held = holding ? new HeldRows() : undefined;
    for (const batch of batches) {
      await inTransaction('a', async (target) => {
        for (const event of batch) await projection.apply(event, target);
      });
      await inTransaction('b', (target) => projection.applyBatch!(batch, target), held);
    }

    const oneAtATime = await rowsOf(model, 'a');
    expect(oneAtATime.length).toBeGreaterThan(0);
    expect(await rowsOf(model, 'b')).toEqual(oneAtATime);
  });

  it("reads none of the rows a leaseholder's earlier batch wrote", async () => {
    const state = new ProjectionStateStore(dataSource);
    await state.prepareSlot(planRegisterProjection, 'b');
    const handled = interleavedLog().filter((event) => planRegisterProjection.handles.includes(event.type));
    // Each plan's first event drafts it: the later ones all find their plan written before.
    const firsts = handled.filter((event) => event.revision === 0);
    const rest = handled.filter((event) => event.revision > 0);
    expect(firsts.length).toBeGreaterThan(0);
    expect(rest.length).toBeGreaterThan(0);
    const held = new HeldRows();
    await inTransaction('b', (target) => planRegisterProjection.applyBatch!(firsts, target), held);
    const statements: string[] = [];
    await inTransaction(
      'b',
      async (target) => {
        const query = target.manager.queryRunner!.query.bind(target.manager.queryRunner);
        target.manager.queryRunner!.query = (sql: string, ...rest: unknown[]) => (statements.push(sql), query(sql, ...(rest as [])));
        await planRegisterProjection.applyBatch!(rest, target);
      },
      held,
    );
    expect(statements.filter((sql) => /^SELECT/i.test(sql))).toHaveLength(0);
    expect(statements.filter((sql) => sql.startsWith('INSERT INTO "rm_plan_b"'))).toHaveLength(1);
    const built = await rowsOf(planReadModel, 'b');
    await state.prepareSlot(planRegisterProjection, 'a');
    await inTransaction('a', (target) => planRegisterProjection.applyBatch!(handled, target));
    expect(built).toEqual(await rowsOf(planReadModel, 'a'));
  });

  it('holds nothing of a row a batch wrote without reading it', async () => {
    const state = new ProjectionStateStore(dataSource);
    await state.prepareSlot(planRegisterProjection, 'b');
    const handled = interleavedLog().filter((event) => planRegisterProjection.handles.includes(event.type));
    const held = new HeldRows();
    await inTransaction('b', (target) => planRegisterProjection.applyBatch!(handled, target), held);
    const [row] = (await rowsOf(planReadModel, 'b')) as PlanRow[];
    const rewritten = { ...row, status: 'RETURNED' as const, updatedAt: 'written without a read' };
    await inTransaction('b', (target) => rowStatements(target, planReadModel).upsert([rewritten]), held);
    let found: PlanRow[] = [];
    await inTransaction(
      'b',
      async (target) => {
        found = await rowStatements(target, planReadModel).find([{ opdCode: row.opdCode, year: row.year }]);
      },
      held,
    );
    expect(found).toEqual([rewritten]);
  });

  it('writes the whole batch with one read and one upsert a table', async () => {
    const state = new ProjectionStateStore(dataSource);
    await state.prepareSlot(planRegisterProjection, 'b');
    const statements: string[] = [];
    const handled = interleavedLog().filter((event) => planRegisterProjection.handles.includes(event.type));
    await inTransaction('b', async (target) => {
      const query = target.manager.queryRunner!.query.bind(target.manager.queryRunner);
      target.manager.queryRunner!.query = (sql: string, ...rest: unknown[]) => (statements.push(sql), query(sql, ...(rest as [])));
      await planRegisterProjection.applyBatch!(handled, target);
    });
    expect(statements.filter((sql) => /^SELECT/i.test(sql))).toHaveLength(1);
    expect(statements.filter((sql) => sql.startsWith('INSERT INTO "rm_plan_b"'))).toHaveLength(1);
    // The plan's corrections' marks, a row each (plan-register.projection.ts).
    expect(statements.filter((sql) => sql.startsWith('INSERT INTO "rm_plan_correction_b"'))).toHaveLength(1);
    expect((await rowsOf(planReadModel, 'b')).map((row) => (row as { opdCode: string }).opdCode)).toEqual(['OPD-A', 'OPD-B']);
  });
});
