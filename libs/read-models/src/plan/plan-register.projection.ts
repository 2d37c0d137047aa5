import { evolvePlanDocument, PLAN_EVENT_TYPES, PlanDocument, PlanStatus, StoredPlanEvent } from '@app/domain/plan';
import { ProjectionEvent } from '@app/event-store';
import { defineReadModel, Projection } from '@app/projections';
import { rowPerStream, rowsPerStream, storedEvent } from '../row-per-stream';

/**
 * One row per plan (OPD and year). Achievement depends on configuration (cap, scale) and flags
 * on deadlines that are configuration too, so the row keeps the document and `planView`
 * computes both when read: changing a setting needs no rebuild.
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

export function planRow(document: PlanDocument): PlanRow {
  return {
    opdCode: document.opdCode,
    year: document.year,
    status: document.status,
    effectiveVersion: document.versions.at(-1)?.version ?? null,
    document,
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

export const planRegisterProjection: Projection = {
  name: 'plan-register',
  // 2: corrections as marks and latest values (plan-document.ts).
  version: 2,
  readModels: [planReadModel],
  handles: PLAN_EVENT_TYPES,
  apply: rowPerStream(planReadModel, planKey, evolvePlanRow),
  rebuildByStream: true,
  applyBatch: rowsPerStream(planReadModel, planKey, evolvePlanRow),
};
