import {
  correctionMarkOf,
  evolvePlanDocument,
  PLAN_EVENT_TYPES,
  PLAN_STREAM_PREFIX,
  PlanCorrectionMark,
  PlanDocument,
  PlanStatus,
  StoredPlanEvent,
  withoutCorrectionMarks,
} from '@app/domain/plan';
import { ProjectionEvent } from '@app/event-store';
import { defineReadModel, Projection, ProjectionTarget } from '@app/projections';
import { rowsPerStream, storedEvent } from '../row-per-stream';
import { rowStatements } from '../row-sql';

/**
 * One row per plan (OPD and year). Achievement depends on configuration (cap, scale) and flags
 * on deadlines that are configuration too, so the row keeps the document and `planView`
 * computes both when read: changing a setting needs no rebuild. The document is kept without
 * its corrections' marks (a row each in planCorrectionReadModel): with them in it, every
 * correction rewrote all the marks before it.
 */
export interface PlanRow {
  opdCode: string;
  year: number;
  status: PlanStatus;
  effectiveVersion: number | null;
  document: PlanDocument;
  revision: number;
  updatedAt: string;
}

export const planReadModel = defineReadModel<PlanRow>({
  name: 'plan',
  columns: {
    opdCode: { type: 'text', name: 'opd_code', primary: true },
    year: { type: 'int', primary: true },
    status: { type: 'text' },
    effectiveVersion: { type: 'int', name: 'effective_version', nullable: true },
    document: { type: 'jsonb' },
    revision: { type: 'int' },
    updatedAt: { type: 'text', name: 'updated_at' },
  },
  indices: [{ name: 'rm_plan_year', columns: ['year', 'opdCode'] }],
});

/** A correction's mark (see QuarterReport.corrections), kept apart from its plan's document. */
export type PlanCorrectionRow = PlanCorrectionMark & { opdCode: string; year: number };

export const planCorrectionReadModel = defineReadModel<PlanCorrectionRow>({
  name: 'plan_correction',
  columns: {
    opdCode: { type: 'text', name: 'opd_code', primary: true },
    year: { type: 'int', primary: true },
    revision: { type: 'int', primary: true },
    quarter: { type: 'int' },
    at: { type: 'text', name: 'corrected_at' },
    on: { type: 'text', name: 'corrected_on' },
    indicatorCodes: { type: 'jsonb', name: 'indicator_codes' },
  },
});

export function planRow(document: PlanDocument): PlanRow {
  return {
    opdCode: document.opdCode,
    year: document.year,
    status: document.status,
    effectiveVersion: document.versions.at(-1)?.version ?? null,
    document: withoutCorrectionMarks(document),
    revision: document.revision,
    updatedAt: document.updatedAt,
  };
}

const planKey = (event: ProjectionEvent) => {
  const { opdCode, year } = event.data as { opdCode: string; year: number };
  return { opdCode, year };
};

const evolvePlanRow = (row: PlanRow | null, event: ProjectionEvent): PlanRow | null => {
  const document = evolvePlanDocument(row?.document ?? null, storedEvent<StoredPlanEvent>(event));
  return document && planRow(document);
};

const applyToPlans = rowsPerStream(planReadModel, planKey, evolvePlanRow);

/** The plans' rows, and a mark row for each correction (written again, the same, on a replay). */
async function applyPlanEvents(events: ProjectionEvent[], target: ProjectionTarget): Promise<void> {
  await applyToPlans(events, target);
  const marks: PlanCorrectionRow[] = [];
  for (const event of events) {
    const mark = correctionMarkOf(storedEvent<StoredPlanEvent>(event));
    if (mark) marks.push({ ...mark, ...planKey(event) });
  }
  await rowStatements(target, planCorrectionReadModel).upsert(marks);
}

export const planRegisterProjection: Projection = {
  name: 'plan-register',
  // 2: corrections as marks and latest values (plan-document.ts). 3: the marks in rows of their own.
  version: 3,
  readModels: [planReadModel, planCorrectionReadModel],
  handles: PLAN_EVENT_TYPES,
  apply: (event, target) => applyPlanEvents([event], target),
  rebuildByStream: true,
  streamPrefix: PLAN_STREAM_PREFIX,
  applyBatch: applyPlanEvents,
};
