import { DEFAULT_PLAN_VIEW_SETTINGS } from '@app/domain/plan';
import { isRedFlag, RedFlagCandidate, redFlagId, ScorecardSettings } from '@app/domain/dashboard';
import { Projections } from '@app/projections';
import { dashboardsProjection, redFlagReadModel, RedFlagRow } from '@app/read-models';
import { projectionsOnTestDatabase } from '../../../../test/support/projections-on-test-database';
import { RedFlagsHandler, RedFlagsQuery } from './red-flag-queries';

const DEFAULTS: ScorecardSettings = { plan: DEFAULT_PLAN_VIEW_SETTINGS, lkjipDue: undefined };
const CONFIGURED: ScorecardSettings = { plan: { ...DEFAULT_PLAN_VIEW_SETTINGS, reportDueDays: 5, lateCorrectionDays: 10 }, lkjipDue: '03-31' };
const LEAP_DAY: ScorecardSettings = { ...DEFAULTS, lkjipDue: '02-29' };

const candidate = (code: RedFlagCandidate['code'], fields: Partial<RedFlagCandidate> = {}): RedFlagCandidate => ({
  code,
  year: 2024,
  days: null,
  dueDate: null,
  open: false,
  submittedOn: null,
  ...fields,
});

/** [what, candidate, today, settings, raised]: each limit on both sides of its edge. */
const CASES: Array<[string, RedFlagCandidate, string, ScorecardSettings, boolean]> = [
  ['a report on the last day allowed', candidate('LATE_REPORT', { days: 15 }), '2025-01-01', DEFAULTS, false],
  ['a report a day after it', candidate('LATE_REPORT', { days: 16 }), '2025-01-01', DEFAULTS, true],
  ['a report before the quarter ended', candidate('LATE_REPORT', { days: -3 }), '2025-01-01', DEFAULTS, false],
  ['a report past a configured limit', candidate('LATE_REPORT', { days: 6 }), '2025-01-01', CONFIGURED, true],
  ['a correction on the last day allowed', candidate('LATE_CORRECTION', { days: 30 }), '2025-01-01', DEFAULTS, false],
  ['a correction a day after it', candidate('LATE_CORRECTION', { days: 31 }), '2025-01-01', DEFAULTS, true],
  ['a correction within a configured limit', candidate('LATE_CORRECTION', { days: 10 }), '2025-01-01', CONFIGURED, false],
  ['a correction past a configured limit', candidate('LATE_CORRECTION', { days: 11 }), '2025-01-01', CONFIGURED, true],
  ['a target eased late', candidate('TARGET_LOWERED_LATE'), '2025-01-01', DEFAULTS, true],
  ['an open recommendation on its due day', candidate('RECOMMENDATION_OVERDUE', { dueDate: '2025-05-02', open: true }), '2025-05-02', DEFAULTS, false],
  ['an open recommendation the day after', candidate('RECOMMENDATION_OVERDUE', { dueDate: '2025-05-02', open: true }), '2025-05-03', DEFAULTS, true],
  ['a closed recommendation long after', candidate('RECOMMENDATION_OVERDUE', { dueDate: '2025-05-02', open: false }), '2026-01-01', DEFAULTS, false],
  ['an open ZI activity on its due day', candidate('ZI_ACTIVITY_OVERDUE', { dueDate: '2025-03-31', open: true }), '2025-03-31', DEFAULTS, false],
  ['an open ZI activity the day after', candidate('ZI_ACTIVITY_OVERDUE', { dueDate: '2025-03-31', open: true }), '2025-04-01', DEFAULTS, true],
  ['a ZI activity done, long after', candidate('ZI_ACTIVITY_OVERDUE', { dueDate: '2025-03-31', open: false }), '2026-01-01', DEFAULTS, false],
  ['a ZI activity dropped from the plan', candidate('ZI_ACTIVITY_OVERDUE', { dueDate: null, open: true }), '2026-01-01', DEFAULTS, false],
  ['no LKjIP on the end of February', candidate('LKJIP_LATE'), '2025-02-28', DEFAULTS, false],
  ['no LKjIP on the first of March', candidate('LKJIP_LATE'), '2025-03-01', DEFAULTS, true],
  ['an LKjIP submitted on the due day, read later', candidate('LKJIP_LATE', { submittedOn: '2025-02-28' }), '2025-06-01', DEFAULTS, false],
  ['an LKjIP submitted the day after', candidate('LKJIP_LATE', { submittedOn: '2025-03-01' }), '2025-03-01', DEFAULTS, true],
  ['an LKjIP submitted on a leap day', candidate('LKJIP_LATE', { year: 2023, submittedOn: '2024-02-29' }), '2024-06-01', DEFAULTS, false],
  ['no LKjIP on a leap day', candidate('LKJIP_LATE', { year: 2023 }), '2024-02-29', DEFAULTS, false],
  ['no LKjIP the day after a leap day', candidate('LKJIP_LATE', { year: 2023 }), '2024-03-01', DEFAULTS, true],
  ['an LKjIP submitted on a configured due day', candidate('LKJIP_LATE', { submittedOn: '2025-03-31' }), '2025-06-01', CONFIGURED, false],
  ['an LKjIP submitted after a configured due day', candidate('LKJIP_LATE', { submittedOn: '2025-04-01' }), '2025-06-01', CONFIGURED, true],
  ['no LKjIP on a configured due day', candidate('LKJIP_LATE'), '2025-03-31', CONFIGURED, false],
  [
    'an LKjIP submitted on 28 February when 02-29 is configured',
    candidate('LKJIP_LATE', { year: 2024, submittedOn: '2025-02-28' }),
    '2025-06-01',
    LEAP_DAY,
    false,
  ],
  ['no LKjIP on 1 March when 02-29 is configured', candidate('LKJIP_LATE', { year: 2024 }), '2025-03-01', LEAP_DAY, true],
  ['a gift reported late', candidate('GRATIFICATION_REPORTED_LATE'), '2025-01-01', DEFAULTS, true],
  ['a report not forwarded on its last day', candidate('GRATIFICATION_FORWARD_LATE', { dueDate: '2025-06-30', open: true }), '2025-06-30', DEFAULTS, false],
  ['a report not forwarded the day after', candidate('GRATIFICATION_FORWARD_LATE', { dueDate: '2025-06-30', open: true }), '2025-07-01', DEFAULTS, true],
  [
    'a report forwarded on its last day, read later',
    candidate('GRATIFICATION_FORWARD_LATE', { dueDate: '2025-06-30', open: true, submittedOn: '2025-06-30' }),
    '2025-09-01',
    DEFAULTS,
    false,
  ],
  [
    'a report forwarded the day after',
    candidate('GRATIFICATION_FORWARD_LATE', { dueDate: '2025-06-30', open: true, submittedOn: '2025-07-01' }),
    '2025-07-01',
    DEFAULTS,
    true,
  ],
  ['a complaint not verified on its last day', candidate('COMPLAINT_VERIFICATION_LATE', { dueDate: '2025-06-05', open: true }), '2025-06-05', DEFAULTS, false],
  ['a complaint not verified the day after', candidate('COMPLAINT_VERIFICATION_LATE', { dueDate: '2025-06-05', open: true }), '2025-06-06', DEFAULTS, true],
  [
    'a complaint verified on its last day, read later',
    candidate('COMPLAINT_VERIFICATION_LATE', { dueDate: '2025-06-05', open: true, submittedOn: '2025-06-05' }),
    '2025-09-01',
    DEFAULTS,
    false,
  ],
  [
    'a response made after its deadline',
    candidate('COMPLAINT_RESPONSE_LATE', { dueDate: '2025-06-13', open: true, submittedOn: '2025-06-16' }),
    '2025-06-16',
    DEFAULTS,
    true,
  ],
  ['a response not made the day after', candidate('COMPLAINT_RESPONSE_LATE', { dueDate: '2025-06-13', open: true }), '2025-06-14', DEFAULTS, true],
];

/**
 * The register judges its flags in SQL (it pages there), the domain in isRedFlag: both must say
 * the same of every case, or the register and the scorecards and plan views disagree.
 */
describe('red-flag verdicts, in the domain and in the register query', () => {
  let projections: Projections;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ projections, close } = await projectionsOnTestDatabase([dashboardsProjection]));
  });
  afterAll(() => close?.());

  /** Whether the register lists the candidate on `today`, stored as the projection stores it. */
  async function registerLists(flag: RedFlagCandidate, today: string, settings: ScorecardSettings): Promise<boolean> {
    const rows = await projections.reader(redFlagReadModel);
    await rows.clear();
    const row: RedFlagRow = {
      ...flag,
      id: redFlagId(flag.code, 'case-1', 'x'),
      opdCode: 'DINKES',
      stream: 'case-1',
      eventId: 'event-1',
      position: '00000000000000000001-00000000000000000001',
      revision: 1,
      recordedAt: '2025-01-01T00:00:00.000Z',
      quarter: null,
      indicatorCode: null,
      // A correction's row names its indicators, one flag each.
      indicatorCodes: flag.code === 'LATE_CORRECTION' ? ['I1'] : null,
      version: null,
      findingId: null,
      recommendationNo: null,
      activityCode: null,
    };
    await rows.insert(row);
    const page = await new RedFlagsHandler(projections, settings).execute(new RedFlagsQuery({}, today, 10));
    return page.items.length === 1;
  }

  it.each(CASES)('%s', async (_what, flag, today, settings, raised) => {
    expect({ domain: isRedFlag(flag, today, settings), register: await registerLists(flag, today, settings) }).toEqual({ domain: raised, register: raised });
  });

  it('lists the late corrections of a slot version 5 built, a row per indicator and no column for a correction’s indicators, while version 6 is built', async () => {
    const rows = await projections.reader(redFlagReadModel);
    await rows.clear();
    const late = (indicatorCode: string): RedFlagRow => ({
      id: redFlagId('LATE_CORRECTION', 'plan-DINKES-2025', `Q1|event-1|${indicatorCode}`),
      code: 'LATE_CORRECTION',
      opdCode: 'DINKES',
      year: 2025,
      stream: 'plan-DINKES-2025',
      eventId: 'event-1',
      position: '00000000000000000001-00000000000000000001',
      revision: 3,
      recordedAt: '2025-06-01T00:00:00.000Z',
      quarter: 1,
      indicatorCode,
      indicatorCodes: null,
      version: null,
      findingId: null,
      recommendationNo: null,
      activityCode: null,
      days: 45,
      dueDate: null,
      open: false,
      submittedOn: null,
    });
    await rows.insert([late('I1'), late('I3')]);
    const table = `"${rows.metadata.tableName}"`;
    await rows.query(`ALTER TABLE ${table} DROP COLUMN indicator_codes`);
    try {
      const handler = new RedFlagsHandler(projections, DEFAULTS);
      const first = await handler.execute(new RedFlagsQuery({}, '2025-06-01', 1));
      const second = await handler.execute(new RedFlagsQuery({}, '2025-06-01', 1, first.nextCursor!));
      expect([...first.items, ...second.items].map((flag) => flag.indicatorCode)).toEqual(['I1', 'I3']);
      expect(second.nextCursor).toBeNull();
    } finally {
      await rows.query(`ALTER TABLE ${table} ADD COLUMN indicator_codes text[]`);
    }
  });
});
