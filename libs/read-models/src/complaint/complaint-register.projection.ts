import { COMPLAINT_EVENT_TYPES, COMPLAINT_STREAM_PREFIX, ComplaintDocument, evolveComplaintDocument, StoredComplaintEvent } from '@app/domain/complaint';
import { ProjectionEvent } from '@app/event-store';
import { defineReadModel, Projection } from '@app/projections';
import { rowPerStream, rowsPerStream, storedEvent } from '../row-per-stream';

/**
 * One row per complaint: the document with the reporter's words and contact still sealed, and
 * the columns the admin's and the OPDs' lists, the flags and the public figures filter on. The
 * clocks are kept as due dates, so the reporter's silence and lateness are judged against
 * today when read.
 */
/** The clocks' columns are the document's own fields; `year` is the year it was filed in, the public figures' year. */
type ClockColumns = 'trackingCode' | 'opdCode' | 'status' | 'filedOn' | 'verificationDue' | 'answerDue' | 'responseDue' | 'confirmDue';
export interface ComplaintRow extends Pick<ComplaintDocument, ClockColumns | 'verifiedOn' | 'firstResponseOn' | 'firstResponseLate'> {
  year: number;
  document: ComplaintDocument;
  revision: number;
}

export const complaintReadModel = defineReadModel<ComplaintRow>({
  name: 'complaint',
  columns: {
    trackingCode: { type: 'text', primary: true, name: 'tracking_code' },
    opdCode: { type: 'text', name: 'opd_code', nullable: true },
    year: { type: 'int' },
    status: { type: 'text' },
    filedOn: { type: 'text', name: 'filed_on' },
    verificationDue: { type: 'text', name: 'verification_due', nullable: true },
    answerDue: { type: 'text', name: 'answer_due', nullable: true },
    responseDue: { type: 'text', name: 'response_due', nullable: true },
    confirmDue: { type: 'text', name: 'confirm_due', nullable: true },
    verifiedOn: { type: 'text', name: 'verified_on', nullable: true },
    firstResponseOn: { type: 'text', name: 'first_response_on', nullable: true },
    firstResponseLate: { type: 'boolean', name: 'first_response_late', nullable: true },
    document: { type: 'jsonb' },
    revision: { type: 'int' },
  },
  indices: [
    { name: 'rm_complaint_opd_year', columns: ['opdCode', 'year', 'trackingCode'] },
    { name: 'rm_complaint_filed', columns: ['filedOn', 'trackingCode'] },
  ],
});

export function complaintRow(document: ComplaintDocument): ComplaintRow {
  return {
    trackingCode: document.trackingCode,
    opdCode: document.opdCode,
    year: Number(document.filedOn.slice(0, 4)),
    status: document.status,
    filedOn: document.filedOn,
    verificationDue: document.verificationDue,
    answerDue: document.answerDue,
    responseDue: document.responseDue,
    confirmDue: document.confirmDue,
    verifiedOn: document.verifiedOn,
    firstResponseOn: document.firstResponseOn,
    firstResponseLate: document.firstResponseLate,
    document,
    revision: document.revision,
  };
}

const complaintKey = (event: ProjectionEvent) => ({ trackingCode: (event.data as { trackingCode: string }).trackingCode });

const evolveComplaintRow = (row: ComplaintRow | null, event: ProjectionEvent): ComplaintRow | null => {
  const document = evolveComplaintDocument(row?.document ?? null, storedEvent<StoredComplaintEvent>(event));
  return document && complaintRow(document);
};

export const complaintRegisterProjection: Projection = {
  name: 'complaint-register',
  version: 1,
  readModels: [complaintReadModel],
  handles: COMPLAINT_EVENT_TYPES,
  apply: rowPerStream(complaintReadModel, complaintKey, evolveComplaintRow),
  rebuildByStream: true,
  streamPrefix: COMPLAINT_STREAM_PREFIX,
  applyBatch: rowsPerStream(complaintReadModel, complaintKey, evolveComplaintRow),
};
