import { DomainError } from '../shared/domain-error';
import { DeciderSpecification, SpecCommand } from '../testing/decider-specification';
import { AuditFindingCommand, auditFindingDecider } from './audit-finding.decider';

type Command = SpecCommand<AuditFindingCommand>;
import { AuditFindingEvent } from './audit-finding.events';

const given = DeciderSpecification.for(auditFindingDecider);
const withCode = (code: string) => (error: unknown) => {
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
};

const narrative = { title: 'Kelebihan bayar perjalanan dinas', condition: 'c', criteria: 'k', cause: 's', effect: 'a' };
const record: Command = {
  type: 'RecordAuditFinding',
  data: {
    findingId: 'f-1',
    opd: { code: 'DINKES', status: 'ACTIVE' },
    reportNumber: 'LHP-01/2025',
    reportDate: '2025-03-01',
    receivedDate: null,
    ...narrative,
    category: 'NON_COMPLIANCE',
    amountIdr: 10_000_000,
    recommendations: [
      { text: 'Setor kelebihan bayar ke kas daerah', amountIdr: 10_000_000 },
      { text: 'Tegur bendahara', amountIdr: null },
    ],
  },
  metadata: { today: '2025-06-01' },
};
const recorded: AuditFindingEvent = {
  type: 'AuditFindingRecorded',
  data: {
    findingId: 'f-1',
    opdCode: 'DINKES',
    reportNumber: 'LHP-01/2025',
    reportDate: '2025-03-01',
    receivedDate: '2025-03-01',
    ...narrative,
    category: 'NON_COMPLIANCE',
    amountIdr: 10_000_000,
    recommendations: [
      { no: 1, text: 'Setor kelebihan bayar ke kas daerah', amountIdr: 10_000_000 },
      { no: 2, text: 'Tegur bendahara', amountIdr: null },
    ],
  },
};
const followUp = (recommendationNo: number, amountSettledIdr: number | null, today = '2025-04-01'): Command => ({
  type: 'RecordFollowUp',
  data: { recommendationNo, description: 'Setoran sebagian', evidenceUrl: null, amountSettledIdr },
  metadata: { today },
});
const followedUp = (recommendationNo: number, amountSettledIdr: number | null, on = '2025-04-01'): AuditFindingEvent => ({
  type: 'FollowUpRecorded',
  data: { findingId: 'f-1', recommendationNo, description: 'Setoran sebagian', evidenceUrl: null, amountSettledIdr, on },
});
const assessed = (recommendationNo: number, status: 'SESUAI' | 'BELUM_SESUAI' | 'TIDAK_DAPAT_DITINDAKLANJUTI'): AuditFindingEvent => ({
  type: 'RecommendationAssessed',
  data: { findingId: 'f-1', recommendationNo, status, note: 'dinilai', on: '2025-04-10' },
});

describe('audit findings', () => {
  describe('recording', () => {
    it('numbers the recommendations from 1 and takes the report date as received date by default', () => given([]).when(record).then([recorded]));

    it('keeps a given received date', () =>
      given([])
        .when({ ...record, data: { ...record.data, receivedDate: '2025-03-03' } })
        .then([{ ...recorded, data: { ...recorded.data, receivedDate: '2025-03-03' } }]));

    it('refuses a finding without recommendations', () =>
      given([])
        .when({ ...record, data: { ...record.data, recommendations: [] } })
        .thenThrows(withCode('VALIDATION_FAILED')));

    it('refuses a received date before the report date', () =>
      given([])
        .when({ ...record, data: { ...record.data, receivedDate: '2025-02-28' } })
        .thenThrows(withCode('RECEIVED_BEFORE_REPORT')));

    it('refuses a report dated or received after today', () => {
      given([])
        .when({ ...record, data: { ...record.data, reportDate: '2025-06-02' } })
        .thenThrows(withCode('DATE_IN_FUTURE'));
      given([])
        .when({ ...record, data: { ...record.data, receivedDate: '2025-06-02' } })
        .thenThrows(withCode('DATE_IN_FUTURE'));
    });

    it('accepts a report received today', () =>
      given([])
        .when({ ...record, data: { ...record.data, receivedDate: '2025-06-01' } })
        .then([{ ...recorded, data: { ...recorded.data, receivedDate: '2025-06-01' } }]));

    it('refuses a unit that was never registered', () =>
      given([])
        .when({ ...record, data: { ...record.data, opd: { code: 'NOPE', status: 'UNREGISTERED' } } })
        .thenThrows(withCode('UNKNOWN_OPD')));

    it('refuses a dissolved unit', () =>
      given([])
        .when({ ...record, data: { ...record.data, opd: { code: 'DINKES', status: 'DISSOLVED' } } })
        .thenThrows(withCode('OPD_DISSOLVED')));

    it('refuses to record the same finding twice', () => given([recorded]).when(record).thenThrows(withCode('ALREADY_EXISTS')));
  });

  describe('following up', () => {
    it('records a follow-up with the amount settled and the day', () =>
      given([recorded])
        .when(followUp(1, 4_000_000))
        .then([followedUp(1, 4_000_000)]));

    it('lets settlements reach the recommendation amount exactly', () =>
      given([recorded, followedUp(1, 4_000_000)])
        .when(followUp(1, 6_000_000))
        .then([followedUp(1, 6_000_000)]));

    it('refuses settlements beyond the recommendation amount', () =>
      given([recorded, followedUp(1, 4_000_000)])
        .when(followUp(1, 6_000_001))
        .thenThrows(withCode('AMOUNT_EXCEEDED')));

    it('accepts any settlement on a recommendation without an amount', () =>
      given([recorded])
        .when(followUp(2, 50_000))
        .then([followedUp(2, 50_000)]));

    it('refuses an unknown finding or recommendation', () => {
      given([]).when(followUp(1, null)).thenThrows(withCode('NOT_FOUND'));
      given([recorded]).when(followUp(3, null)).thenThrows(withCode('NOT_FOUND'));
    });

    it('refuses anything more on a final recommendation', () => {
      given([recorded, assessed(1, 'SESUAI')])
        .when(followUp(1, null))
        .thenThrows(withCode('INVALID_TRANSITION'));
      given([recorded, assessed(2, 'TIDAK_DAPAT_DITINDAKLANJUTI')])
        .when({ type: 'RecordDelayReason', data: { recommendationNo: 2, reasonCategory: 'ILLNESS', note: 'x' }, metadata: { today: '2025-06-01' } })
        .thenThrows(withCode('INVALID_TRANSITION'));
      given([recorded, assessed(1, 'SESUAI')])
        .when({ type: 'AssessRecommendation', data: { recommendationNo: 1, status: 'BELUM_SESUAI', note: 'x' }, metadata: { today: '2025-06-01' } })
        .thenThrows(withCode('INVALID_TRANSITION'));
    });
  });

  describe('assessing', () => {
    it('records the SIPTL status the inspector sets', () =>
      given([recorded, followedUp(1, 10_000_000)])
        .when({ type: 'AssessRecommendation', data: { recommendationNo: 1, status: 'SESUAI', note: 'lunas' }, metadata: { today: '2025-04-10' } })
        .then([{ type: 'RecommendationAssessed', data: { findingId: 'f-1', recommendationNo: 1, status: 'SESUAI', note: 'lunas', on: '2025-04-10' } }]));

    it('lets a BELUM_SESUAI recommendation receive more follow-ups', () =>
      given([recorded, assessed(1, 'BELUM_SESUAI')])
        .when(followUp(1, 1_000))
        .then([followedUp(1, 1_000)]));
  });

  describe('delay reasons', () => {
    it('records a lawful reason for lateness', () =>
      given([recorded])
        .when({
          type: 'RecordDelayReason',
          data: { recommendationNo: 2, reasonCategory: 'UNDER_INVESTIGATION', note: 'diperiksa APH' },
          metadata: { today: '2025-05-10' },
        })
        .then([
          {
            type: 'DelayReasonRecorded',
            data: { findingId: 'f-1', recommendationNo: 2, reasonCategory: 'UNDER_INVESTIGATION', note: 'diperiksa APH', on: '2025-05-10' },
          },
        ]));
  });
});
