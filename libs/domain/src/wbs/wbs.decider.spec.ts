import { DomainError } from '../shared/domain-error';
import { DeciderSpecification, SpecCommand } from '../testing/decider-specification';
import { WbsCommand, wbsDecider } from './wbs.decider';
import { WbsEvent, WbsStatus } from './wbs.events';

type Command = SpecCommand<WbsCommand>;

const given = DeciderSpecification.for(wbsDecider);
const withCode = (code: string) => (error: unknown) => {
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
};
const on = (today: string) => ({ today, now: `${today}T03:00:00.000Z` });
const trackingCode = 'W7M2-QX9P';
const identity = { name: 'Rina', contact: 'rina@example.org' };

const report = {
  allegation: 'Pungutan pada pengurusan izin',
  concerning: 'Seksi perizinan DPMPTSP',
  when: 'Mei 2025',
  where: null,
  evidenceUrls: ['https://bukti.example.org/1.jpg'],
};
const filed = (withIdentity = true): WbsEvent => ({
  type: 'WbsReportFiled',
  data: { trackingCode, ...report, identity: withIdentity ? identity : null, followSecretHash: 'scrypt$hash', on: '2025-06-02' },
});
const file = (changes: Partial<typeof report> = {}, withIdentity = true): Command => ({
  type: 'FileWbsReport',
  data: { trackingCode, followSecretHash: 'scrypt$hash', ...report, ...changes, identity: withIdentity ? identity : null },
  metadata: on('2025-06-02'),
});
const move = (from: WbsStatus, to: WbsStatus, reference: string | null = null): WbsEvent => ({
  type: 'WbsReportMoved',
  data: { trackingCode, from, to, reason: 'Ditelaah', reference, on: '2025-06-10' },
});
const moveTo = (to: WbsStatus, reference: string | null = null, reason = 'Ditelaah'): Command => ({
  type: 'MoveWbsReport',
  data: { to, reason, reference },
  metadata: on('2025-06-10'),
});
const post = (from: 'REPORTER' | 'OFFICER', text = 'Ada bukti tambahan?'): Command => ({
  type: 'PostWbsMessage',
  data: { from, text },
  metadata: on('2025-06-10'),
});
const read = (reason = 'Perlu keterangan pelapor'): Command => ({ type: 'ReadWbsIdentity', data: { reason }, metadata: on('2025-06-10') });

describe('WBS report', () => {
  it('is filed RECEIVED with what the reporter gave', () => given([]).when(file()).then([filed()]));
  it('refuses a blank allegation', () =>
    given([])
      .when(file({ allegation: ' ' }))
      .thenThrows(withCode('VALIDATION_FAILED')));
  it('refuses a second report under the same code', () => given([filed()]).when(file()).thenThrows(withCode('ALREADY_EXISTS')));
  it('answers NOT_FOUND for anything done to an unknown report', () => given([]).when(post('REPORTER')).thenThrows(withCode('NOT_FOUND')));

  it('RECEIVED → UNDER_REVIEW', () =>
    given([filed()])
      .when(moveTo('UNDER_REVIEW'))
      .then([move('RECEIVED', 'UNDER_REVIEW')]));
  it('UNDER_REVIEW → CLOSED when unsubstantiated', () =>
    given([filed(), move('RECEIVED', 'UNDER_REVIEW')])
      .when(moveTo('CLOSED'))
      .then([move('UNDER_REVIEW', 'CLOSED')]));
  it('INVESTIGATING → REFERRED with the reference at law enforcement or KPK', () =>
    given([filed(), move('RECEIVED', 'UNDER_REVIEW'), move('UNDER_REVIEW', 'INVESTIGATING')])
      .when(moveTo('REFERRED', 'KPK/2025/88'))
      .then([move('INVESTIGATING', 'REFERRED', 'KPK/2025/88')]));
  it('refuses a referral without its reference', () =>
    given([filed(), move('RECEIVED', 'UNDER_REVIEW'), move('UNDER_REVIEW', 'INVESTIGATING')])
      .when(moveTo('REFERRED'))
      .thenThrows(withCode('VALIDATION_FAILED')));
  it('refuses to skip the review', () => given([filed()]).when(moveTo('INVESTIGATING')).thenThrows(withCode('INVALID_TRANSITION')));
  it('refuses a move without a reason', () =>
    given([filed()])
      .when(moveTo('UNDER_REVIEW', null, ''))
      .thenThrows(withCode('VALIDATION_FAILED')));
  it('refuses to leave CLOSED', () =>
    given([filed(), move('RECEIVED', 'UNDER_REVIEW'), move('UNDER_REVIEW', 'CLOSED')])
      .when(moveTo('UNDER_REVIEW'))
      .thenThrows(withCode('INVALID_TRANSITION')));

  it('carries messages both ways until closed', () =>
    given([filed()])
      .when(post('OFFICER'))
      .then([{ type: 'WbsMessagePosted', data: { trackingCode, from: 'OFFICER', text: 'Ada bukti tambahan?', on: '2025-06-10' } }]));
  it('takes no message once closed', () =>
    given([filed(), move('RECEIVED', 'UNDER_REVIEW'), move('UNDER_REVIEW', 'CLOSED')])
      .when(post('REPORTER'))
      .thenThrows(withCode('INVALID_TRANSITION')));

  it('records each reading of the identity with its reason', () =>
    given([filed()])
      .when(read())
      .then([{ type: 'WbsIdentityRead', data: { trackingCode, reason: 'Perlu keterangan pelapor', on: '2025-06-10' } }]));
  it('has no identity to read when none was given', () =>
    given([filed(false)])
      .when(read())
      .thenThrows(withCode('NO_IDENTITY')));
  it('needs a reason to read the identity', () => given([filed()]).when(read(' ')).thenThrows(withCode('VALIDATION_FAILED')));
});
