import {
  AUDIT_FINDING_EVENT_TYPES,
  evolveFindingDocument,
  FINDING_STREAM_PREFIX,
  FindingDocument,
  findingYear,
  isFinal,
  mayBecomeOverdue,
  RecommendationStatus,
  StoredFindingEvent,
} from '@app/domain/audit-finding';
import { findingTally, FindingTally } from '@app/domain/dashboard';
import { ProjectionEvent } from '@app/event-store';
import { defineReadModel, Projection } from '@app/projections';
import { rowPerStream, rowsPerStream, storedEvent } from '../row-per-stream';

/**
 * One row per finding. Overdue flags depend on today, so they are not stored; the row keeps
 * what lets SQL narrow a list (`mayBecomeOverdue AND today > dueDate`) and the document that
 * `findingView(document, today)` turns into the answer.
 */
export interface FindingRow {
  id: string;
  opdCode: string;
  /** The audit report's year: the year the list and summary filter on. */
  year: number;
  reportDate: string;
  dueDate: string;
  closed: boolean;
  /** Every status some recommendation has, to filter `?status=`. */
  statuses: RecommendationStatus[];
  mayBecomeOverdue: boolean;
  /** Its share of its unit's figures, which the summary adds up without reading documents. */
  tally: FindingTally;
  document: FindingDocument;
  revision: number;
}

export const findingReadModel = defineReadModel<FindingRow>({
  name: 'finding',
  columns: {
    id: { type: 'text', primary: true },
    opdCode: { type: 'text', name: 'opd_code' },
    year: { type: 'int' },
    reportDate: { type: 'text', name: 'report_date' },
    dueDate: { type: 'text', name: 'due_date' },
    closed: { type: 'boolean' },
    statuses: { type: 'text', array: true },
    mayBecomeOverdue: { type: 'boolean', name: 'may_become_overdue' },
    tally: { type: 'jsonb' },
    document: { type: 'jsonb' },
    revision: { type: 'int' },
  },
  indices: [{ name: 'rm_finding_opd_year', columns: ['opdCode', 'year', 'reportDate', 'id'] }],
});

export function findingRow(document: FindingDocument): FindingRow {
  const statuses = [...new Set(document.recommendations.map((recommendation) => recommendation.status))];
  return {
    id: document.id,
    opdCode: document.opdCode,
    year: findingYear(document),
    reportDate: document.reportDate,
    dueDate: document.dueDate,
    closed: document.recommendations.every((recommendation) => isFinal(recommendation.status)),
    statuses,
    mayBecomeOverdue: mayBecomeOverdue(document),
    tally: findingTally(document),
    document,
    revision: document.revision,
  };
}

const findingKey = (event: ProjectionEvent) => ({ id: (event.data as { findingId: string }).findingId });

const evolveFindingRow = (row: FindingRow | null, event: ProjectionEvent): FindingRow | null => {
  const document = evolveFindingDocument(row?.document ?? null, storedEvent<StoredFindingEvent>(event));
  return document && findingRow(document);
};

export const findingRegisterProjection: Projection = {
  name: 'finding-register',
  version: 2,
  readModels: [findingReadModel],
  handles: AUDIT_FINDING_EVENT_TYPES,
  apply: rowPerStream(findingReadModel, findingKey, evolveFindingRow),
  rebuildByStream: true,
  streamPrefix: FINDING_STREAM_PREFIX,
  applyBatch: rowsPerStream(findingReadModel, findingKey, evolveFindingRow),
};
