import { evolveLkjipDocument, LKJIP_EVENT_TYPES, LKJIP_STREAM_PREFIX, LkjipDocument, LkjipStatus, StoredLkjipEvent } from '@app/domain/lkjip';
import { ProjectionEvent } from '@app/event-store';
import { defineReadModel, Projection } from '@app/projections';
import { rowPerStream, rowsPerStream, storedEvent } from '../row-per-stream';

/**
 * One row per report (OPD and year). The row keeps the document; lateness depends on the
 * configured due date and the day it is read, and the differences from the plan on the plan's
 * current row, so both are worked out when read: changing LKJIP_DUE needs no rebuild.
 */
export interface LkjipRow {
  opdCode: string;
  year: number;
  status: LkjipStatus;
  document: LkjipDocument;
  revision: number;
  updatedAt: string;
}

export const lkjipReadModel = defineReadModel<LkjipRow>({
  name: 'lkjip',
  columns: {
    opdCode: { type: 'text', name: 'opd_code', primary: true },
    year: { type: 'int', primary: true },
    status: { type: 'text' },
    document: { type: 'jsonb' },
    revision: { type: 'int' },
    updatedAt: { type: 'text', name: 'updated_at' },
  },
  indices: [{ name: 'rm_lkjip_year', columns: ['year', 'opdCode'] }],
});

export function lkjipRow(document: LkjipDocument): LkjipRow {
  return { opdCode: document.opdCode, year: document.year, status: document.status, document, revision: document.revision, updatedAt: document.updatedAt };
}

const lkjipKey = (event: ProjectionEvent) => {
  const { opdCode, year } = event.data as { opdCode: string; year: number };
  return { opdCode, year };
};

const evolveLkjipRow = (row: LkjipRow | null, event: ProjectionEvent): LkjipRow | null => {
  const document = evolveLkjipDocument(row?.document ?? null, storedEvent<StoredLkjipEvent>(event));
  return document && lkjipRow(document);
};

export const lkjipRegisterProjection: Projection = {
  name: 'lkjip-register',
  version: 1,
  readModels: [lkjipReadModel],
  handles: LKJIP_EVENT_TYPES,
  apply: rowPerStream(lkjipReadModel, lkjipKey, evolveLkjipRow),
  rebuildByStream: true,
  streamPrefix: LKJIP_STREAM_PREFIX,
  applyBatch: rowsPerStream(lkjipReadModel, lkjipKey, evolveLkjipRow),
};
