import { DEFAULT_PLAN_VIEW_SETTINGS, evolvePlanDocument, Goal, PlanEvent, planStream, planView } from '@app/domain/plan';
import { EventStore, foldStream } from '@app/event-store';
import { Projections } from '@app/projections';
import { planRegisterProjection } from '@app/read-models';
import { DataSource } from 'typeorm';
import { projectionsOnTestDatabase } from '../../../../test/support/projections-on-test-database';
import { GetPlanHandler, GetPlanQuery, ListPlansHandler, ListPlansQuery } from './plan-queries';

const key = { opdCode: 'DINKES', year: 2025 };
const actor = { sub: 'tester', roles: [] };
const value = (indicatorCode: string, figure: number) => ({ indicatorCode, value: figure, evidenceUrl: null, note: null });
const goals: Goal[] = [
  {
    code: 'G1',
    statement: 's',
    indicators: ['I1', 'I2'].map((code) => ({
      code,
      name: code,
      unit: '%',
      polarity: 'HIGHER_IS_BETTER',
      aggregation: 'LAST',
      annualTarget: 90,
      quarterlyTargets: [80, 84, 87, 90],
    })),
  },
];
const events: PlanEvent[] = [
  { type: 'PlanDrafted', data: { ...key, goals } },
  { type: 'PlanSubmitted', data: key },
  { type: 'PlanApproved', data: { ...key, version: 1, goals, on: '2025-01-07' } },
  { type: 'RealisationReported', data: { ...key, quarter: 1, values: [value('I1', 28), value('I2', 40)], on: '2025-04-10' } },
  { type: 'RealisationCorrected', data: { ...key, quarter: 1, values: [value('I1', 30)], reason: 'salah ketik', on: '2025-04-12' } },
  { type: 'RealisationCorrected', data: { ...key, quarter: 1, values: [value('I1', 31), value('I2', 41)], reason: 'bukti baru', on: '2025-06-01' } },
];

/** The register keeps a plan's correction marks in rows of their own; a read puts them back. */
describe('a plan read from the register', () => {
  let store: EventStore;
  let dataSource: DataSource;
  let projections: Projections;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ store, dataSource, projections, close } = await projectionsOnTestDatabase([planRegisterProjection], { pollIntervalMs: 50 }));
    projections.startRunners();
    const appended = await store.appendToStream(
      planStream(key.opdCode, key.year),
      events.map((event) => ({ ...event, metadata: { actor } })),
    );
    expect(await projections.waitForPosition(appended.position, 10000)).toBe(true);
  });
  afterAll(() => close());

  const folded = async () => planView((await foldStream(store, planStream(key.opdCode, key.year), evolvePlanDocument)).folded!, DEFAULT_PLAN_VIEW_SETTINGS);

  it('shows what the fold of its events shows, late corrections flagged', async () => {
    const read = await new GetPlanHandler(projections, store, DEFAULT_PLAN_VIEW_SETTINGS).execute(new GetPlanQuery(key.opdCode, key.year));
    expect(read!.flags).toEqual([
      expect.objectContaining({ code: 'LATE_CORRECTION', indicatorCode: 'I1' }),
      expect.objectContaining({ code: 'LATE_CORRECTION', indicatorCode: 'I2' }),
    ]);
    expect(read).toEqual(await folded());
    const listed = await new ListPlansHandler(projections, DEFAULT_PLAN_VIEW_SETTINGS).execute(new ListPlansQuery(key.opdCode, undefined, 10));
    expect(listed.items).toEqual([read]);
  });

  it('reads version 2 of the register, marks inside its documents and no table of them, while version 3 is built', async () => {
    await projections.stopRunners();
    const document = (await foldStream(store, planStream(key.opdCode, key.year), evolvePlanDocument)).folded!;
    await dataSource.query('DROP TABLE rm_plan_correction_a');
    await dataSource.query('UPDATE rm_plan_a SET document = $1', [JSON.stringify(document)]);
    const read = await new GetPlanHandler(projections, store, DEFAULT_PLAN_VIEW_SETTINGS).execute(new GetPlanQuery(key.opdCode, key.year));
    expect(read).toEqual(await folded());
  });
});
