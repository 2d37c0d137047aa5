import { ComplaintDocument, evolveComplaintDocument, StoredComplaintEvent } from './complaint-document';
import { ComplaintEvent } from './complaint.events';

const trackingCode = 'K7M2-QX9P';
const events: ComplaintEvent[] = [
  {
    type: 'ComplaintFiled',
    data: {
      trackingCode,
      kind: 'PENGADUAN',
      opdCode: 'DINKES',
      subject: 'Jalan rusak',
      text: 'Berlubang',
      location: null,
      contact: null,
      publicText: true,
      followSecretHash: 'scrypt$hash',
      on: '2025-06-02',
      verificationDue: '2025-06-05',
    },
  },
  { type: 'ComplaintVerified', data: { trackingCode, opdCode: 'DPUPR', responseClass: 'INFORMATION', on: '2025-06-03', responseDue: '2025-06-10' } },
  { type: 'ComplaintResponded', data: { trackingCode, opdCode: 'DPUPR', text: 'Ditambal', on: '2025-06-12', late: true, confirmDue: '2025-06-26' } },
  { type: 'ComplaintReopened', data: { trackingCode, text: 'Belum', on: '2025-06-13', responseDue: '2025-06-20' } },
  { type: 'ComplaintResponded', data: { trackingCode, opdCode: 'DPUPR', text: 'Kini ditambal', on: '2025-06-16', late: false, confirmDue: '2025-06-30' } },
];

const fold = (list: ComplaintEvent[]) =>
  list.reduce<ComplaintDocument | null>(
    (document, event, revision) =>
      evolveComplaintDocument(document, { ...event, revision, recordedAt: `2025-06-0${revision + 1}T00:00:00Z` } as StoredComplaintEvent),
    null,
  );

describe('the complaint document', () => {
  it('is nothing before its filing', () => {
    expect(fold(events.slice(1))).toBeNull();
  });

  it('moves to the verified unit and keeps the first response’s day and lateness through an objection', () => {
    expect(fold(events)).toMatchObject({
      opdCode: 'DPUPR',
      status: 'RESPONDED',
      verifiedOn: '2025-06-03',
      firstResponseOn: '2025-06-12',
      firstResponseLate: true,
      objected: true,
      responseDue: null,
      confirmDue: '2025-06-30',
      revision: 4,
    });
  });

  it('keeps the conversation in order, naming who spoke only by side', () => {
    expect(fold(events)!.messages).toEqual([
      { from: 'OPD', kind: 'RESPONSE', text: 'Ditambal', on: '2025-06-12', late: true },
      { from: 'REPORTER', kind: 'OBJECTION', text: 'Belum', on: '2025-06-13' },
      { from: 'OPD', kind: 'RESPONSE', text: 'Kini ditambal', on: '2025-06-16', late: false },
    ]);
  });
});
