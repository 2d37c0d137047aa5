import {
  AUDIT_FINDING_EVENT_TYPES,
  evolveFindingDocument,
  FindingDocument,
  isFinal,
  mayBecomeOverdue,
  RecommendationStatus,
  StoredFindingEvent,
} from '@app/domain/audit-finding';
import { RecordedEvent } from '@app/event-store';
import { defineReadModel, Projection, ProjectionTarget } from '@app/projections';

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
    document: { type: 'jsonb' },
    revision: { type: 'int' },
  },
  indices: [{ name: 'rm_finding_opd_year', columns: ['opdCode', 'year', 'reportDate', 'id'] }],
});

/** A stored event as the finding document's fold expects it. */
export function storedFindingEvent(event: RecordedEvent): StoredFindingEvent {
  return { type: event.type, data: event.data, recordedAt: event.recordedAt, revision: event.revision } as StoredFindingEvent;
}

export function findingRow(document: FindingDocument): FindingRow {
  const statuses = [...new Set(document.recommendations.map((recommendation) => recommendation.status))];
  return {
    id: document.id,
    opdCode: document.opdCode,
    year: Number(document.reportDate.slice(0, 4)),
    reportDate: document.reportDate,
    dueDate: document.dueDate,
    closed: document.recommendations.every((recommendation) => isFinal(recommendation.status)),
    statuses,
    mayBecomeOverdue: mayBecomeOverdue(document),
    document,
    revision: document.revision,
  };
}

export const findingRegisterProjection: Projection = {
  name: 'finding-register',
  version: 1,
  readModels: [findingReadModel],
  handles: AUDIT_FINDING_EVENT_TYPES,
  async apply(event: RecordedEvent, target: ProjectionTarget) {
    const rows = target.repository(findingReadModel);
    const id = (event.data as { findingId: string }).findingId;
    const current = await rows.findOneBy({ id });
    // Replaying an event the row already reflects changes nothing.
    if (current && current.revision >= event.revision) return;
    const document = evolveFindingDocument(current?.document ?? null, storedFindingEvent(event));
    if (document) await rows.save(findingRow(document));
  },
};
