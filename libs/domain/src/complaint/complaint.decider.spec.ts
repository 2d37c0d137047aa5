import { DomainError } from '../shared/domain-error';
import { WorkingCalendar } from '../shared/working-days';
import { DeciderSpecification, SpecCommand } from '../testing/decider-specification';
import { ComplaintCommand, ComplaintState, complaintDecider, complaintStatusOn, responseLate, verificationLate } from './complaint.decider';
import { ComplaintEvent, ResponseClass } from './complaint.events';

type Command = SpecCommand<ComplaintCommand>;

const given = DeciderSpecification.for(complaintDecider);
const withCode = (code: string) => (error: unknown) => {
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
};
// 2025-06-02 is a Monday; Wednesday 2025-06-04 is a holiday.
const calendar = new WorkingCalendar(['2025-06-04']);
const on = (today: string) => ({ today, now: `${today}T03:00:00.000Z` });
const trackingCode = 'K7M2-QX9P';
const contact = { name: 'Budi', email: 'budi@example.org', phone: null };

const filed: ComplaintEvent = {
  type: 'ComplaintFiled',
  data: {
    trackingCode,
    kind: 'PENGADUAN',
    opdCode: null,
    subject: 'Jalan rusak',
    text: 'Jalan di depan pasar berlubang',
    location: 'Pasar Baru',
    contact,
    publicText: true,
    followSecretHash: 'scrypt$salt$hash',
    on: '2025-06-02',
    // Tue 3, (Wed 4 holiday), Thu 5, Fri 6.
    verificationDue: '2025-06-06',
  },
};
// Thu 2025-06-05 + 5 working days: Fri 6, Mon 9 … Thu 12.
const verified: ComplaintEvent = {
  type: 'ComplaintVerified',
  data: { trackingCode, opdCode: 'DPUPR', responseClass: 'INFORMATION', on: '2025-06-05', responseDue: '2025-06-12' },
};
// Tue 2025-06-03 + 10 working days, the holiday skipped: Thu 5 … Wed 18.
const asked: ComplaintEvent = {
  type: 'ComplaintInfoRequested',
  data: { trackingCode, question: 'Di mana tepatnya?', on: '2025-06-03', answerDue: '2025-06-18' },
};
const answered: ComplaintEvent = {
  type: 'ComplaintInfoProvided',
  data: { trackingCode, text: 'Depan gerbang timur', on: '2025-06-09', verificationDue: '2025-06-12' },
};
// Tue 2025-06-10 + 10 working days: Wed 11 … Tue 24.
const responded: ComplaintEvent = {
  type: 'ComplaintResponded',
  data: { trackingCode, opdCode: 'DPUPR', text: 'Sudah ditambal', on: '2025-06-10', late: false, confirmDue: '2025-06-24' },
};
// Mon 2025-06-16 + 5 working days (the INFORMATION class again): Tue 17 … Mon 23.
const reopened: ComplaintEvent = { type: 'ComplaintReopened', data: { trackingCode, text: 'Belum ditambal', on: '2025-06-16', responseDue: '2025-06-23' } };
const respondedAgain: ComplaintEvent = {
  type: 'ComplaintResponded',
  data: { trackingCode, opdCode: 'DPUPR', text: 'Kini ditambal', on: '2025-06-20', late: false, confirmDue: '2025-07-04' },
};

const file = (today = '2025-06-02', changes: Partial<Extract<ComplaintCommand, { type: 'FileComplaint' }>['data']> = {}): Command => ({
  type: 'FileComplaint',
  data: {
    calendar,
    trackingCode,
    followSecretHash: 'scrypt$salt$hash',
    kind: 'PENGADUAN',
    opdCode: null,
    subject: 'Jalan rusak',
    text: 'Jalan di depan pasar berlubang',
    location: 'Pasar Baru',
    contact,
    publicText: true,
    ...changes,
  },
  metadata: on(today),
});
const verify = (today: string, responseClass: ResponseClass = 'INFORMATION', opdCode = 'DPUPR'): Command => ({
  type: 'VerifyComplaint',
  data: { calendar, decision: 'VERIFIED', opdCode, responseClass },
  metadata: on(today),
});
const ask = (today: string, question = 'Di mana tepatnya?'): Command => ({
  type: 'VerifyComplaint',
  data: { calendar, decision: 'NEEDS_INFO', question },
  metadata: on(today),
});
const refer = (today: string): Command => ({
  type: 'VerifyComplaint',
  data: { calendar, decision: 'NOT_AUTHORITY', reason: 'Jalan nasional', referral: 'BPJN' },
  metadata: on(today),
});
const archive = (today: string): Command => ({
  type: 'VerifyComplaint',
  data: { calendar, decision: 'ARCHIVED', reason: 'DUPLICATE', note: null },
  metadata: on(today),
});
const answer = (today: string, text = 'Depan gerbang timur'): Command => ({ type: 'AnswerComplaintQuestion', data: { calendar, text }, metadata: on(today) });
const respond = (today: string, text = 'Sudah ditambal', opdCode = 'DPUPR'): Command => ({
  type: 'RespondToComplaint',
  data: { calendar, opdCode, text },
  metadata: on(today),
});
const confirm = (today: string): Command => ({ type: 'ConfirmComplaint', data: {}, metadata: on(today) });
const object = (today: string, text = 'Belum ditambal'): Command => ({ type: 'ObjectToComplaint', data: { calendar, text }, metadata: on(today) });

const stateOf = (events: ComplaintEvent[]) =>
  events.reduce(complaintDecider.evolve, complaintDecider.initialState()) as Exclude<ComplaintState, { status: 'NONE' }>;

describe('Complaint', () => {
  describe('filing (RECEIVED)', () => {
    it('files with a verification deadline 3 working days on, holidays skipped', () => given([]).when(file()).then([filed]));
    it('refuses a second complaint with the same tracking code', () => given([filed]).when(file()).thenThrows(withCode('ALREADY_EXISTS')));
    it('refuses a blank text', () =>
      given([])
        .when(file('2025-06-02', { text: '  ' }))
        .thenThrows(withCode('VALIDATION_FAILED')));
    it('refuses a blank subject', () =>
      given([])
        .when(file('2025-06-02', { subject: '' }))
        .thenThrows(withCode('VALIDATION_FAILED')));
    it('answers NOT_FOUND for anything done to an unknown complaint', () => given([]).when(confirm('2025-06-02')).thenThrows(withCode('NOT_FOUND')));
  });

  describe('verification', () => {
    it('RECEIVED → VERIFIED: INFORMATION is due 5 working days on', () => given([filed]).when(verify('2025-06-05')).then([verified]));
    it('records that the desk withholds a public complaint from the feed', () =>
      given([filed])
        .when({
          type: 'VerifyComplaint',
          data: { calendar, decision: 'VERIFIED', opdCode: 'DPUPR', responseClass: 'INFORMATION', withholdFromPublic: true },
          metadata: on('2025-06-05'),
        })
        .then([{ ...verified, data: { ...verified.data, withheldFromPublic: true } } as ComplaintEvent]));
    it('NO_FIELD_CHECK is due 14 working days on', () =>
      given([filed])
        .when(verify('2025-06-05', 'NO_FIELD_CHECK'))
        .then([{ ...verified, data: { ...verified.data, responseClass: 'NO_FIELD_CHECK', responseDue: '2025-06-25' } } as ComplaintEvent]));
    it('FIELD_CHECK is due 60 working days on', () =>
      given([filed])
        .when(verify('2025-06-05', 'FIELD_CHECK'))
        .then([{ ...verified, data: { ...verified.data, responseClass: 'FIELD_CHECK', responseDue: '2025-08-28' } } as ComplaintEvent]));
    it('RECEIVED → NEEDS_INFO with a 10-working-day answer window', () => given([filed]).when(ask('2025-06-03')).then([asked]));
    it('NEEDS_INFO → RECEIVED when the reporter answers; the verification clock starts again', () =>
      given([filed, asked]).when(answer('2025-06-09')).then([answered]));
    it('RECEIVED → NOT_AUTHORITY with reason and referral', () =>
      given([filed])
        .when(refer('2025-06-03'))
        .then([{ type: 'ComplaintReferred', data: { trackingCode, reason: 'Jalan nasional', referral: 'BPJN', on: '2025-06-03' } }]));
    it('RECEIVED → ARCHIVED with a reason', () =>
      given([filed])
        .when(archive('2025-06-03'))
        .then([{ type: 'ComplaintArchived', data: { trackingCode, reason: 'DUPLICATE', note: null, on: '2025-06-03' } }]));
    it('refuses verifying a complaint verified already', () => given([filed, verified]).when(verify('2025-06-06')).thenThrows(withCode('INVALID_TRANSITION')));
    it('refuses verifying while waiting for the reporter', () => given([filed, asked]).when(verify('2025-06-05')).thenThrows(withCode('INVALID_TRANSITION')));
    it('refuses a blank question', () => given([filed]).when(ask('2025-06-03', ' ')).thenThrows(withCode('VALIDATION_FAILED')));
    it('refuses an answer when nothing was asked', () => given([filed]).when(answer('2025-06-03')).thenThrows(withCode('INVALID_TRANSITION')));
    it('NEEDS_INFO unanswered past 10 working days reads ARCHIVED and takes no answer', () => {
      expect(complaintStatusOn(stateOf([filed, asked]), '2025-06-18')).toBe('NEEDS_INFO');
      expect(complaintStatusOn(stateOf([filed, asked]), '2025-06-19')).toBe('ARCHIVED');
      given([filed, asked]).when(answer('2025-06-19')).thenThrows(withCode('INVALID_TRANSITION'));
    });
    it('verification is late after its due date, and no longer once verified', () => {
      expect(verificationLate(stateOf([filed]), '2025-06-06')).toBe(false);
      expect(verificationLate(stateOf([filed]), '2025-06-09')).toBe(true);
      expect(verificationLate(stateOf([filed, verified]), '2025-06-09')).toBe(false);
    });
  });

  describe('response', () => {
    it('VERIFIED → RESPONDED with a 10-working-day confirmation window', () => given([filed, verified]).when(respond('2025-06-10')).then([responded]));
    it('a response after the deadline is taken and marked late', () =>
      given([filed, verified])
        .when(respond('2025-06-13'))
        .then([{ ...responded, data: { ...responded.data, on: '2025-06-13', late: true, confirmDue: '2025-06-27' } } as ComplaintEvent]));
    it('refuses a response from another OPD', () =>
      given([filed, verified])
        .when(respond('2025-06-10', 'x', 'DINKES'))
        .thenThrows(withCode('NOT_THE_COMPLAINT_OPD')));
    it('refuses a response before verification', () => given([filed]).when(respond('2025-06-10')).thenThrows(withCode('INVALID_TRANSITION')));
    it('refuses a second response while the reporter decides', () =>
      given([filed, verified, responded]).when(respond('2025-06-11')).thenThrows(withCode('INVALID_TRANSITION')));
    it('refuses a blank response', () => given([filed, verified]).when(respond('2025-06-10', ' ')).thenThrows(withCode('VALIDATION_FAILED')));
    it('response is late after its due date until it comes', () => {
      expect(responseLate(stateOf([filed, verified]), '2025-06-12')).toBe(false);
      expect(responseLate(stateOf([filed, verified]), '2025-06-13')).toBe(true);
      expect(responseLate(stateOf([filed, verified, responded]), '2025-06-13')).toBe(false);
    });
  });

  describe('the reporter decides', () => {
    it('RESPONDED → CLOSED on confirmation', () =>
      given([filed, verified, responded])
        .when(confirm('2025-06-11'))
        .then([{ type: 'ComplaintConfirmed', data: { trackingCode, on: '2025-06-11' } }]));
    it('RESPONDED → REOPENED on objection, with a new deadline of the same class', () =>
      given([filed, verified, responded]).when(object('2025-06-16')).then([reopened]));
    it('REOPENED → RESPONDED', () => given([filed, verified, responded, reopened]).when(respond('2025-06-20', 'Kini ditambal')).then([respondedAgain]));
    it('refuses a second objection', () =>
      given([filed, verified, responded, reopened, respondedAgain]).when(object('2025-06-23')).thenThrows(withCode('ALREADY_OBJECTED')));
    it('after the reopened response, confirmation closes', () =>
      given([filed, verified, responded, reopened, respondedAgain])
        .when(confirm('2025-06-23'))
        .then([{ type: 'ComplaintConfirmed', data: { trackingCode, on: '2025-06-23' } }]));
    it('10 working days of silence read CLOSED, and then nothing more is taken', () => {
      expect(complaintStatusOn(stateOf([filed, verified, responded]), '2025-06-24')).toBe('RESPONDED');
      expect(complaintStatusOn(stateOf([filed, verified, responded]), '2025-06-25')).toBe('CLOSED');
      given([filed, verified, responded]).when(object('2025-06-25')).thenThrows(withCode('INVALID_TRANSITION'));
      given([filed, verified, responded]).when(confirm('2025-06-25')).thenThrows(withCode('INVALID_TRANSITION'));
    });
    it('refuses confirming before any response', () => given([filed, verified]).when(confirm('2025-06-10')).thenThrows(withCode('INVALID_TRANSITION')));
    it('refuses a confirmation of a closed complaint', () =>
      given([filed, verified, responded, { type: 'ComplaintConfirmed', data: { trackingCode, on: '2025-06-11' } }])
        .when(confirm('2025-06-12'))
        .thenThrows(withCode('INVALID_TRANSITION')));
    it('refuses a blank objection', () => given([filed, verified, responded]).when(object('2025-06-16', '')).thenThrows(withCode('VALIDATION_FAILED')));
  });
});
