import { awaitingEvaluation, evolveSkpDocument, SKP_EVENT_TYPES, SkpDocument, SkpStatus, StoredSkpEvent } from '@app/domain/skp';
import { ProjectionEvent } from '@app/event-store';
import { defineReadModel, Projection } from '@app/projections';
import { rowPerStream, rowsPerStream, storedEvent } from '../row-per-stream';

/**
 * One row per SKP (NIP and year): the document, and the columns lists filter on. Flags depend
 * on plans, which are other streams, so they are worked out when read, not stored here.
 *
 * The cascade columns let the tree of a plan indicator be walked in SQL: `planSources` holds
 * `OPD|YEAR|INDICATOR` and `skpSources` `NIP|RESULT` for every result's `cascadedFrom`.
 */
export interface SkpRow {
  nip: string;
  year: number;
  opdCode: string;
  appraiserNip: string;
  status: SkpStatus;
  awaitingAgreement: boolean;
  awaitingEvaluation: boolean;
  planSources: string[];
  skpSources: string[];
  document: SkpDocument;
  revision: number;
  updatedAt: string;
}

export const skpReadModel = defineReadModel<SkpRow>({
  name: 'skp',
  columns: {
    nip: { type: 'text', primary: true },
    year: { type: 'int', primary: true },
    opdCode: { type: 'text', name: 'opd_code' },
    appraiserNip: { type: 'text', name: 'appraiser_nip' },
    status: { type: 'text' },
    awaitingAgreement: { type: 'boolean', name: 'awaiting_agreement' },
    awaitingEvaluation: { type: 'boolean', name: 'awaiting_evaluation' },
    planSources: { type: 'text', array: true, name: 'plan_sources' },
    skpSources: { type: 'text', array: true, name: 'skp_sources' },
    document: { type: 'jsonb' },
    revision: { type: 'int' },
    updatedAt: { type: 'text', name: 'updated_at' },
  },
  indices: [
    { name: 'rm_skp_opd_year', columns: ['opdCode', 'year', 'nip'] },
    { name: 'rm_skp_appraiser', columns: ['appraiserNip', 'nip', 'year'] },
  ],
});

export const planSourceKey = (opdCode: string, year: number, indicatorCode: string) => `${opdCode}|${year}|${indicatorCode}`;
export const skpSourceKey = (nip: string, resultCode: string) => `${nip}|${resultCode}`;

export function skpRow(document: SkpDocument): SkpRow {
  const sources = document.results.map((result) => result.cascadedFrom);
  return {
    nip: document.nip,
    year: document.year,
    opdCode: document.opdCode,
    appraiserNip: document.appraiserNip,
    status: document.status,
    awaitingAgreement: document.status === 'SUBMITTED',
    awaitingEvaluation: awaitingEvaluation(document).length > 0,
    planSources: sources.flatMap((source) => (source.kind === 'PLAN_INDICATOR' ? [planSourceKey(source.opdCode, source.year, source.indicatorCode)] : [])),
    skpSources: sources.flatMap((source) => (source.kind === 'SKP_RESULT' ? [skpSourceKey(source.nip, source.resultCode)] : [])),
    document,
    revision: document.revision,
    updatedAt: document.updatedAt,
  };
}

const skpKey = (event: ProjectionEvent) => {
  const { nip, year } = event.data as { nip: string; year: number };
  return { nip, year };
};

const evolveSkpRow = (row: SkpRow | null, event: ProjectionEvent): SkpRow | null => {
  const document = evolveSkpDocument(row?.document ?? null, storedEvent<StoredSkpEvent>(event));
  return document && skpRow(document);
};

export const skpRegisterProjection: Projection = {
  name: 'skp-register',
  version: 1,
  readModels: [skpReadModel],
  handles: SKP_EVENT_TYPES,
  apply: rowPerStream(skpReadModel, skpKey, evolveSkpRow),
  rebuildByStream: true,
  applyBatch: rowsPerStream(skpReadModel, skpKey, evolveSkpRow),
};
