import { DomainError } from '../shared/domain-error';
import { WorkingCalendar } from '../shared/working-days';
import { DeciderSpecification, SpecCommand } from '../testing/decider-specification';
import { DEFAULT_GRATIFICATION_EXEMPTIONS, parseExemptions } from './gratification-exemptions';
import { GratificationCommand, gratificationDecider } from './gratification.decider';
import { GIFT_OCCASIONS, GratificationEvent, GratificationReported } from './gratification.events';

const given = DeciderSpecification.for(gratificationDecider);
const withCode = (code: string) => (error: unknown) => {
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
};

// 2025-06-15 (the spec's today) is a Sunday; receipt on Monday 2025-06-02 is 9 working days before it.
const calendar = new WorkingCalendar();
const NIP = '198001012005011001';
const report = (overrides: Partial<Extract<GratificationCommand, { type: 'ReportGratification' }>['data']> = {}): SpecCommand<GratificationCommand> => {
  const receivedOn = overrides.receivedOn ?? '2025-06-02';
  return {
    type: 'ReportGratification',
    data: {
      gratificationId: 'g-1',
      nip: NIP,
      opd: { code: 'DINKES', status: 'ACTIVE' },
      receivedOn,
      giverRelation: 'Rekanan',
      form: 'GOODS',
      description: 'Parsel',
      valueIdr: 750_000,
      occasion: 'OTHER',
      exemptions: DEFAULT_GRATIFICATION_EXEMPTIONS,
      workingDaysToReport: calendar.workingDaysBetween(receivedOn, '2025-06-15'),
      forwardDueOn: calendar.addWorkingDays('2025-06-15', 10),
      ...overrides,
    },
  };
};
const reported = (overrides: Partial<GratificationReported['data']> = {}): GratificationEvent => ({
  type: 'GratificationReported',
  data: {
    gratificationId: 'g-1',
    nip: NIP,
    opdCode: 'DINKES',
    receivedOn: '2025-06-02',
    reportedOn: '2025-06-15',
    giverRelation: 'Rekanan',
    form: 'GOODS',
    description: 'Parsel',
    valueIdr: 750_000,
    occasion: 'OTHER',
    workingDaysToReport: 9,
    late: false,
    kpkMaySeize: false,
    exemptCandidate: false,
    forwardDueOn: '2025-06-27',
    ...overrides,
  },
});
const forward = (forwardedOn: string): SpecCommand<GratificationCommand> => ({ type: 'ForwardGratification', data: { kpkReference: 'KPK/123', forwardedOn } });
const forwarded = (forwardedOn: string, late: boolean): GratificationEvent => ({
  type: 'GratificationForwarded',
  data: { gratificationId: 'g-1', kpkReference: 'KPK/123', forwardedOn, late },
});
const decided = (decision: 'MILIK_NEGARA' | 'MILIK_PENERIMA'): GratificationEvent => ({
  type: 'GratificationDecided',
  data: { gratificationId: 'g-1', decision, decreeNumber: 'SK-1', decidedOn: '2025-06-15' },
});

describe('gratification', () => {
  describe('reporting', () => {
    it('records a report within 10 working days as on time, and its forwarding deadline', () => given([]).when(report()).then([reported()]));

    it.each<[string, number, boolean, boolean]>([
      // receivedOn, working days to 2025-06-15, late, KPK may seize
      ['2025-06-02', 9, false, false],
      ['2025-05-30', 10, false, false],
      ['2025-05-29', 11, true, false],
      ['2025-05-02', 30, true, false],
      ['2025-05-01', 31, true, true],
    ])('a gift received on %s is reported %i working days later: late %s, KPK warning %s', (receivedOn, days, late, kpkMaySeize) =>
      given([])
        .when(report({ receivedOn }))
        .then([reported({ receivedOn, workingDaysToReport: days, late, kpkMaySeize })]),
    );

    it('counts holidays out of the 10 working days', () => {
      const withHoliday = new WorkingCalendar(['2025-06-06']);
      expect(withHoliday.workingDaysBetween('2025-05-29', '2025-06-15')).toBe(10);
    });

    it.each<[string, number, boolean]>([
      ['WEDDING', 1_500_000, true],
      ['WEDDING', 1_500_001, false],
      ['CEREMONY', 1_500_000, true],
      ['COLLEAGUE', 500_000, true],
      ['COLLEAGUE', 500_001, false],
      ['OFFICIAL', 1, false],
      ['OTHER', 1, false],
    ])('a %s gift of Rp %i is an exemption candidate: %s (and still recorded)', (occasion, valueIdr, exemptCandidate) =>
      given([])
        .when(report({ occasion: occasion as never, valueIdr }))
        .then([reported({ occasion: occasion as never, valueIdr, exemptCandidate })]),
    );

    it('refuses a gift received after today', () =>
      given([])
        .when(report({ receivedOn: '2025-06-16' }))
        .thenThrows(withCode('DATE_IN_FUTURE')));

    it('refuses a dissolved unit', () =>
      given([])
        .when(report({ opd: { code: 'DINKES', status: 'DISSOLVED' } }))
        .thenThrows(withCode('OPD_DISSOLVED')));

    it('refuses the same report twice', () => given([reported()]).when(report()).thenThrows(withCode('ALREADY_EXISTS')));
  });

  describe('the UPG', () => {
    it('forwards on the last working day allowed, on time', () =>
      given([reported()])
        .when({ ...forward('2025-06-27'), metadata: { today: '2025-06-27' } })
        .then([forwarded('2025-06-27', false)]));
    it('forwards a day later, late', () =>
      given([reported()])
        .when({ ...forward('2025-06-30'), metadata: { today: '2025-07-01' } })
        .then([forwarded('2025-06-30', true)]));
    it('refuses a forwarding dated before the report', () => given([reported()]).when(forward('2025-06-14')).thenThrows(withCode('DATE_BEFORE_REPORT')));
    it('refuses a forwarding dated after today', () => given([reported()]).when(forward('2025-06-16')).thenThrows(withCode('DATE_IN_FUTURE')));
    it('refuses to forward twice', () =>
      given([reported(), forwarded('2025-06-15', false)])
        .when(forward('2025-06-15'))
        .thenThrows(withCode('INVALID_TRANSITION')));

    it('closes a report as exempt with a reason', () =>
      given([reported()])
        .when({ type: 'CloseGratificationExempt', data: { reason: 'Hadiah pernikahan di bawah batas' } })
        .then([{ type: 'GratificationClosedExempt', data: { gratificationId: 'g-1', reason: 'Hadiah pernikahan di bawah batas', closedOn: '2025-06-15' } }]));
    it('refuses to close a forwarded report as exempt', () =>
      given([reported(), forwarded('2025-06-15', false)])
        .when({ type: 'CloseGratificationExempt', data: { reason: 'x' } })
        .thenThrows(withCode('INVALID_TRANSITION')));

    it('records KPK’s decision on a forwarded report only', () => {
      given([reported(), forwarded('2025-06-15', false)])
        .when({ type: 'RecordKpkDecision', data: { decision: 'MILIK_NEGARA', decreeNumber: 'SK-1' } })
        .then([decided('MILIK_NEGARA')]);
      given([reported()])
        .when({ type: 'RecordKpkDecision', data: { decision: 'MILIK_NEGARA', decreeNumber: 'SK-1' } })
        .thenThrows(withCode('INVALID_TRANSITION'));
    });

    it('hands over a gift KPK made state property, and only that', () => {
      const handOver: SpecCommand<GratificationCommand> = { type: 'RecordHandOver', data: { date: '2025-06-15', receipt: 'BA-7' } };
      given([reported(), forwarded('2025-06-15', false), decided('MILIK_NEGARA')])
        .when(handOver)
        .then([{ type: 'GratificationHandedOver', data: { gratificationId: 'g-1', date: '2025-06-15', receipt: 'BA-7' } }]);
      given([reported(), forwarded('2025-06-15', false), decided('MILIK_PENERIMA')])
        .when(handOver)
        .thenThrows(withCode('INVALID_TRANSITION'));
    });

    it('refuses anything on a report never made', () => given([]).when(forward('2025-06-15')).thenThrows(withCode('NOT_FOUND')));
  });

  describe('GRATIFICATION_EXEMPTIONS', () => {
    it('reads a region’s limits', () =>
      expect(parseExemptions('WEDDING:2000000,COLLEAGUE:250000', GIFT_OCCASIONS)).toEqual({ WEDDING: 2_000_000, COLLEAGUE: 250_000 }));
    it.each(['WEDDING', 'WEDDING:1,WEDDING:2', 'BIRTHDAY:100', 'WEDDING:-1', 'WEDDING:1.5', ''])('refuses %p', (setting) =>
      expect(parseExemptions(setting, GIFT_OCCASIONS)).toBeUndefined(),
    );
  });
});
