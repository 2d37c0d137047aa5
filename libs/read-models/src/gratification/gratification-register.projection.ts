import {
  evolveGratificationDocument,
  GRATIFICATION_EVENT_TYPES,
  GRATIFICATION_STREAM_PREFIX,
  GratificationDocument,
  GratificationStatus,
  StoredGratificationEvent,
} from '@app/domain/gratification';
import { ProjectionEvent } from '@app/event-store';
import { subjectOf } from '@app/personal-data';
import { defineReadModel, Projection } from '@app/projections';
import { rowPerStream, rowsPerStream, storedEvent } from '../row-per-stream';

/**
 * One row per gratification report: the document with its personal fields still sealed, and the
 * columns the UPG's and the employee's lists filter on. The reporter is named by subject id,
 * never by NIP; the year is the year the gift was received.
 */
export interface GratificationRow {
  id: string;
  reporterSubject: string;
  opdCode: string;
  year: number;
  status: GratificationStatus;
  late: boolean;
  forwardDueOn: string;
  /** Forwarded after its due day; null while not forwarded (lateness then depends on today). */
  forwardedLate: boolean | null;
  document: GratificationDocument;
  revision: number;
}

export const gratificationReadModel = defineReadModel<GratificationRow>({
  name: 'gratification',
  columns: {
    id: { type: 'text', primary: true },
    reporterSubject: { type: 'text', name: 'reporter_subject' },
    opdCode: { type: 'text', name: 'opd_code' },
    year: { type: 'int' },
    status: { type: 'text' },
    late: { type: 'boolean' },
    forwardDueOn: { type: 'text', name: 'forward_due_on' },
    forwardedLate: { type: 'boolean', name: 'forwarded_late', nullable: true },
    document: { type: 'jsonb' },
    revision: { type: 'int' },
  },
  indices: [
    { name: 'rm_gratification_opd_year', columns: ['opdCode', 'year', 'id'] },
    { name: 'rm_gratification_reporter', columns: ['reporterSubject', 'id'] },
  ],
});

export function gratificationRow(document: GratificationDocument): GratificationRow {
  return {
    id: document.id,
    reporterSubject: subjectOf(document.nip),
    opdCode: document.opdCode,
    year: Number(document.receivedOn.slice(0, 4)),
    status: document.status,
    late: document.late,
    forwardDueOn: document.forwardDueOn,
    forwardedLate: document.forwarding?.late ?? null,
    document,
    revision: document.revision,
  };
}

const gratificationKey = (event: ProjectionEvent) => ({ id: (event.data as { gratificationId: string }).gratificationId });

const evolveGratificationRow = (row: GratificationRow | null, event: ProjectionEvent): GratificationRow | null => {
  const document = evolveGratificationDocument(row?.document ?? null, storedEvent<StoredGratificationEvent>(event));
  return document && gratificationRow(document);
};

export const gratificationRegisterProjection: Projection = {
  name: 'gratification-register',
  version: 1,
  readModels: [gratificationReadModel],
  handles: GRATIFICATION_EVENT_TYPES,
  apply: rowPerStream(gratificationReadModel, gratificationKey, evolveGratificationRow),
  rebuildByStream: true,
  streamPrefix: GRATIFICATION_STREAM_PREFIX,
  applyBatch: rowsPerStream(gratificationReadModel, gratificationKey, evolveGratificationRow),
};
