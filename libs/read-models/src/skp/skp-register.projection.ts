import { awaitingEvaluation, evolveSkpDocument, SKP_EVENT_TYPES, SKP_STREAM_PREFIX, SkpDocument, SkpStatus, StoredSkpEvent } from '@app/domain/skp';
import { ProjectionEvent } from '@app/event-store';
import { subjectOf } from '@app/personal-data';
import { defineReadModel, Projection } from '@app/projections';
import { rowPerStream, rowsPerStream, storedEvent } from '../row-per-stream';

/**
 * One row per SKP (the employee's subject id and year): the document as the events leave it,
 * its personal fields still sealed (libs/personal-data), and the columns lists filter on, which
 * name subjects, never NIPs. The query side opens documents when answering. Flags depend on
 * plans, which are other streams, so they are worked out when read, not stored here.
 *
 * The cascade columns let the tree of a plan indicator be walked in SQL: `planSources` holds
 * `OPD|YEAR|INDICATOR` and `skpSources` `SUBJECT|RESULT` for every result's `cascadedFrom`.
 */
export interface SkpRow {
  subject: string;
  year: number;
  opdCode: string;
  appraiserSubject: string;
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
    subject: { type: 'text', primary: true },
    year: { type: 'int', primary: true },
    opdCode: { type: 'text', name: 'opd_code' },
    appraiserSubject: { type: 'text', name: 'appraiser_subject' },
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
    { name: 'rm_skp_opd_year', columns: ['opdCode', 'year', 'subject'] },
    { name: 'rm_skp_appraiser', columns: ['appraiserSubject', 'subject', 'year'] },
  ],
});

export const planSourceKey = (opdCode: string, year: number, indicatorCode: string) => `${opdCode}|${year}|${indicatorCode}`;
/** A result of an SKP as links name it: the SKP's employee (subject id) and the result's code. */
export const skpSourceKey = (subject: string, resultCode: string) => `${subject}|${resultCode}`;

/** The subject a sealed NIP names; a NIP in clear throws: it must never reach a row. */
const subjectIn = (sealedNip: string) => subjectOf(sealedNip);

export function skpRow(document: SkpDocument): SkpRow {
  const sources = document.results.map((result) => result.cascadedFrom);
  return {
    subject: subjectIn(document.nip),
    year: document.year,
    opdCode: document.opdCode,
    appraiserSubject: subjectIn(document.appraiserNip),
    status: document.status,
    awaitingAgreement: document.status === 'SUBMITTED',
    awaitingEvaluation: awaitingEvaluation(document).length > 0,
    planSources: sources.flatMap((source) => (source.kind === 'PLAN_INDICATOR' ? [planSourceKey(source.opdCode, source.year, source.indicatorCode)] : [])),
    skpSources: sources.flatMap((source) => (source.kind === 'SKP_RESULT' ? [skpSourceKey(subjectIn(source.nip), source.resultCode)] : [])),
    document,
    revision: document.revision,
    updatedAt: document.updatedAt,
  };
}

const skpKey = (event: ProjectionEvent) => {
  const { nip, year } = event.data as { nip: string; year: number };
  return { subject: subjectIn(nip), year };
};

const evolveSkpRow = (row: SkpRow | null, event: ProjectionEvent): SkpRow | null => {
  const document = evolveSkpDocument(row?.document ?? null, storedEvent<StoredSkpEvent>(event));
  return document && skpRow(document);
};

export const skpRegisterProjection: Projection = {
  name: 'skp-register',
  // 2: keyed by subject id, documents sealed (docs/domain.md, Personal data at rest).
  version: 2,
  readModels: [skpReadModel],
  handles: SKP_EVENT_TYPES,
  apply: rowPerStream(skpReadModel, skpKey, evolveSkpRow),
  rebuildByStream: true,
  streamPrefix: SKP_STREAM_PREFIX,
  applyBatch: rowsPerStream(skpReadModel, skpKey, evolveSkpRow),
};
