import { findingBody, goal, indicator, ledgerScenario } from '../support/ledger-scenario';
import { startTestApp, TestApp } from '../support/test-app';
import { TestClock } from '../support/test-clock';
import { bearer, tokenFor } from '../support/tokens';

type Flag = { code: string; opdCode: string; year: number; stream: string; event: { id: string; position: string; revision: number }; [key: string]: unknown };

/**
 * The inspectorate's register: every flag of docs/domain.md raised by the events that should raise it,
 * none by the events beside them that should not, each naming the event (checked against the
 * stream's history), in log order and in cursor pages.
 */
describe('red-flag register over HTTP', () => {
  const clock = new TestClock('2025-04-20');
  let testApp: TestApp;
  const scenario = ledgerScenario(() => testApp.app);
  let inspector: Record<string, string>;
  let last = '';
  const track = <T extends { position: string }>(written: T) => ((last = written.position), written);
  const list = async (query = '', as?: Record<string, string>, status = 200) =>
    (
      await scenario
        .http()
        .get(`/api/v1/dashboards/red-flags${query}`)
        .set(as ?? inspector)
        .set('X-Min-Position', last)
        .expect(status)
    ).body;
  const i1 = (annualTarget: number) => indicator('I1', { annualTarget, quarterlyTargets: [80, 84, 87, annualTarget] });
  const i3 = (annualTarget: number) => indicator('I3', { polarity: 'LOWER_IS_BETTER', aggregation: 'SUM', annualTarget });
  const goals = (i1Target: number, i3Target: number) => [goal('G1', [i1(i1Target)]), goal('G2', [i3(i3Target)])];
  let findingId = '';

  beforeAll(async () => {
    testApp = await startTestApp({}, { clock });
    inspector = bearer(await tokenFor({ roles: ['inspector'] }));
    for (const code of ['DINKES', 'DISDIK']) await scenario.registerOpd(code);
    for (const code of ['DINKES', 'DISDIK']) for (const year of [2024, 2025]) await scenario.approvedPlan(code, year, goals(90, 20));

    // 20 April: Q1 reported 20 days after it ended (late); a finding received 1 March, due 30 April.
    await scenario.report('DISDIK', 2025, 1, [{ indicatorCode: 'I1', value: 70 }]);
    findingId = (
      await scenario.finding(
        findingBody('DISDIK', '2025-03-01', [{ text: 'Tidak ditindaklanjuti' }, { text: 'Ditunda' }, { text: 'Tepat waktu' }, { text: 'Selesai' }]),
      )
    ).id;
    await scenario.delay(findingId, 'DISDIK', 2);
    await scenario.followUp(findingId, 'DISDIK', 3, { description: 'Sudah' });
    await scenario.assess(findingId, 4, 'SESUAI');
    // The 2024 reports were due 28 February 2025: one never submitted, one submitted today; the 2025 one is early.
    await scenario.publishedLkjip('DISDIK', 2024, { submit: false });
    await scenario.publishedLkjip('DINKES', 2024, { publish: false });
    await scenario.publishedLkjip('DINKES', 2025, { publish: false });

    clock.setToday('2025-05-10'); // a correction 20 days after the report: in time
    await scenario.correct('DISDIK', 2025, 1, [{ indicatorCode: 'I1', value: 72 }]);
    clock.setToday('2025-06-01'); // a target lowered before Q3: allowed
    await scenario.approvedRevision('DISDIK', 2025, goals(85, 20));
    clock.setToday('2025-07-10');
    await scenario.report('DISDIK', 2025, 2, [
      { indicatorCode: 'I1', value: 80 },
      { indicatorCode: 'I3', value: 5 },
    ]);
    clock.setToday('2025-08-20'); // 41 days after Q2's report: late, a flag for each indicator it names
    await scenario.correct('DISDIK', 2025, 2, [
      { indicatorCode: 'I3', value: 6 },
      { indicatorCode: 'I1', value: 81 },
    ]);
    clock.setToday('2025-10-05');
    await scenario.report('DISDIK', 2025, 3, [
      { indicatorCode: 'I1', value: 84 },
      { indicatorCode: 'I3', value: 4 },
    ]);
    clock.setToday('2025-10-10'); // after Q3: the lower-is-better target eased 20 → 25, the other made harder 85 → 95
    await scenario.approvedRevision('DISDIK', 2025, goals(95, 25));
    clock.setToday('2025-10-20'); // and then cut 25 → 15: harder, not flagged
    track(await scenario.approvedRevision('DISDIK', 2025, goals(95, 15)));
  });
  afterAll(() => testApp.close());

  it('lists exactly the flags the events raised, in log order, each with the event that raised it', async () => {
    const { items, nextCursor } = await list();
    expect(nextCursor).toBeNull();
    expect(items.map((flag: Flag) => [flag.code, flag.opdCode, flag.year, flag.stream])).toEqual([
      ['LATE_REPORT', 'DISDIK', 2025, 'plan-DISDIK-2025'],
      ['RECOMMENDATION_OVERDUE', 'DISDIK', 2025, `finding-${findingId}`],
      ['LKJIP_LATE', 'DISDIK', 2024, 'lkjip-DISDIK-2024'],
      ['LKJIP_LATE', 'DINKES', 2024, 'lkjip-DINKES-2024'],
      ['LATE_CORRECTION', 'DISDIK', 2025, 'plan-DISDIK-2025'],
      ['LATE_CORRECTION', 'DISDIK', 2025, 'plan-DISDIK-2025'],
      ['TARGET_LOWERED_LATE', 'DISDIK', 2025, 'plan-DISDIK-2025'],
    ]);
    expect(items[0]).toMatchObject({ quarter: 1, indicatorCode: null });
    expect(items[1]).toMatchObject({ findingId, recommendationNo: 1, dueDate: '2025-04-30' });
    expect(items[2]).toMatchObject({ dueDate: '2025-02-28' });
    expect(items[4]).toMatchObject({ quarter: 2, indicatorCode: 'I1' });
    expect(items[5]).toMatchObject({ quarter: 2, indicatorCode: 'I3', event: items[4].event });
    expect(items[6]).toMatchObject({ indicatorCode: 'I3', version: 3 });
    const raisedBy = [
      'RealisationReported',
      'AuditFindingRecorded',
      'LkjipCompiled',
      'LkjipSubmitted',
      'RealisationCorrected',
      'RealisationCorrected',
      'RevisionApproved',
    ];
    for (const [index, flag] of (items as Flag[]).entries()) {
      const [type, ...id] = flag.stream.split('-');
      const history = (
        await scenario
          .http()
          .get(`/api/v1/history/${type}/${id.join('-')}`)
          .set(inspector)
          .expect(200)
      ).body;
      const event = history.items.find((item: { id: string }) => item.id === flag.event.id);
      expect({ type: event?.type, position: event?.position, revision: event?.revision }).toEqual({
        type: raisedBy[index],
        position: flag.event.position,
        revision: flag.event.revision,
      });
    }
  });

  it('judges overdue against today: nothing is overdue on the due date itself', async () => {
    clock.setToday('2025-04-30');
    expect((await list('?code=RECOMMENDATION_OVERDUE')).items).toEqual([]);
    clock.setToday('2025-10-20');
    expect((await list('?code=RECOMMENDATION_OVERDUE')).items).toHaveLength(1);
  });

  it('filters by unit, year and code, and pages with a cursor without a gap or a repeat', async () => {
    expect((await list('?opd=DINKES')).items.map((flag: Flag) => flag.stream)).toEqual(['lkjip-DINKES-2024']);
    expect((await list('?year=2024')).items.map((flag: Flag) => flag.stream)).toEqual(['lkjip-DISDIK-2024', 'lkjip-DINKES-2024']);
    expect((await list('?code=LATE_CORRECTION&opd=DISDIK&year=2025')).items.map((flag: Flag) => flag.indicatorCode)).toEqual(['I1', 'I3']);
    const all = (await list()).items as Flag[];
    // A page of one ends between the two flags of one correction.
    for (const limit of [1, 4]) {
      const paged: Flag[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Flag[]; nextCursor: string | null } = await list(`?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        paged.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged).toEqual(all);
    }
  });

  it('shows an OPD’s operator and head their own unit’s flags only; others are refused', async () => {
    const operator = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DINKES' }));
    const head = bearer(await tokenFor({ roles: ['opd_head'], opd: 'DINKES' }));
    expect((await list('', operator)).items.map((flag: Flag) => flag.opdCode)).toEqual(['DINKES']);
    expect((await list('?opd=DINKES', head)).items).toHaveLength(1);
    await list('?opd=DISDIK', operator, 403);
    for (const claims of [{ roles: ['admin'] }, { roles: ['employee'], nip: '198001012005011001' }, { roles: ['appraiser'], nip: '198001012005011001' }]) {
      await list('', bearer(await tokenFor(claims)), 403);
    }
    await scenario.http().get('/api/v1/dashboards/red-flags').expect(401);
  });

  it('refuses a bad filter or cursor with 400, never a 500', async () => {
    for (const query of [
      '?code=NOPE',
      '?opd=dinkes',
      '?year=abc',
      '?limit=0',
      '?limit=501',
      '?cursor=bm9wZQ',
      `?cursor=${Buffer.from("00000000000000000001-00000000000000000001|x' OR 1=1").toString('base64url')}`,
    ]) {
      const body = await list(query, undefined, 400);
      expect(body.code).toBe('VALIDATION_FAILED');
    }
  });
});
