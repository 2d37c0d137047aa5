import { evolveZiDocument, StoredZiEvent, ZI_EVENT_TYPES, ZI_STREAM_PREFIX, ZiDocument, ZiStage } from '@app/domain/zi';
import { ProjectionEvent } from '@app/event-store';
import { defineReadModel, Projection } from '@app/projections';
import { rowPerStream, rowsPerStream, storedEvent } from '../row-per-stream';

/**
 * One row per ZI unit and year. The row keeps the document; overdue activities depend on the day
 * it is read, so they are worked out when read (ziView).
 */
export interface ZiRow {
  unit: string;
  year: number;
  opdCode: string;
  stage: ZiStage;
  document: ZiDocument;
  revision: number;
  updatedAt: string;
}

export const ziReadModel = defineReadModel<ZiRow>({
  name: 'zi',
  columns: {
    unit: { type: 'text', primary: true },
    year: { type: 'int', primary: true },
    opdCode: { type: 'text', name: 'opd_code' },
    stage: { type: 'text' },
    document: { type: 'jsonb' },
    revision: { type: 'int' },
    updatedAt: { type: 'text', name: 'updated_at' },
  },
  indices: [{ name: 'rm_zi_year', columns: ['year', 'unit'] }],
});

export function ziRow(document: ZiDocument): ZiRow {
  const { unit, year, opdCode, stage, revision, updatedAt } = document;
  return { unit, year, opdCode, stage, document, revision, updatedAt };
}

const ziKey = (event: ProjectionEvent) => {
  const { unit, year } = event.data as { unit: string; year: number };
  return { unit, year };
};

const evolveZiRow = (row: ZiRow | null, event: ProjectionEvent): ZiRow | null => {
  const document = evolveZiDocument(row?.document ?? null, storedEvent<StoredZiEvent>(event));
  return document && ziRow(document);
};

export const ziRegisterProjection: Projection = {
  name: 'zi-register',
  version: 1,
  readModels: [ziReadModel],
  handles: ZI_EVENT_TYPES,
  apply: rowPerStream(ziReadModel, ziKey, evolveZiRow),
  rebuildByStream: true,
  streamPrefix: ZI_STREAM_PREFIX,
  applyBatch: rowsPerStream(ziReadModel, ziKey, evolveZiRow),
};
