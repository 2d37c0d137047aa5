import { evolveWbsDocument, StoredWbsEvent, WBS_EVENT_TYPES, WBS_STREAM_PREFIX, WbsDocument, WbsStatus } from '@app/domain/wbs';
import { ProjectionEvent } from '@app/event-store';
import { defineReadModel, Projection } from '@app/projections';
import { rowPerStream, rowsPerStream, storedEvent } from '../row-per-stream';

/**
 * One row per WBS report: the document with everything said in it still sealed, and the columns
 * the officers' list, the public counts and the identity's retention read.
 */
export interface WbsRow {
  trackingCode: string;
  year: number;
  status: WbsStatus;
  filedOn: string;
  closedOn: string | null;
  identityGiven: boolean;
  document: WbsDocument;
  revision: number;
}

export const wbsReadModel = defineReadModel<WbsRow>({
  name: 'wbs',
  columns: {
    trackingCode: { type: 'text', primary: true, name: 'tracking_code' },
    year: { type: 'int' },
    status: { type: 'text' },
    filedOn: { type: 'text', name: 'filed_on' },
    closedOn: { type: 'text', name: 'closed_on', nullable: true },
    identityGiven: { type: 'boolean', name: 'identity_given' },
    document: { type: 'jsonb' },
    revision: { type: 'int' },
  },
  indices: [
    { name: 'rm_wbs_filed', columns: ['filedOn', 'trackingCode'] },
    { name: 'rm_wbs_closed', columns: ['closedOn'] },
  ],
});

export function wbsRow(document: WbsDocument): WbsRow {
  return {
    trackingCode: document.trackingCode,
    year: Number(document.filedOn.slice(0, 4)),
    status: document.status,
    filedOn: document.filedOn,
    closedOn: document.closedOn,
    identityGiven: document.identityGiven,
    document,
    revision: document.revision,
  };
}

const wbsKey = (event: ProjectionEvent) => ({ trackingCode: (event.data as { trackingCode: string }).trackingCode });

const evolveWbsRow = (row: WbsRow | null, event: ProjectionEvent): WbsRow | null => {
  const document = evolveWbsDocument(row?.document ?? null, storedEvent<StoredWbsEvent>(event));
  return document && wbsRow(document);
};

export const wbsRegisterProjection: Projection = {
  name: 'wbs-register',
  version: 1,
  readModels: [wbsReadModel],
  handles: WBS_EVENT_TYPES,
  apply: rowPerStream(wbsReadModel, wbsKey, evolveWbsRow),
  rebuildByStream: true,
  streamPrefix: WBS_STREAM_PREFIX,
  applyBatch: rowsPerStream(wbsReadModel, wbsKey, evolveWbsRow),
};
