import { FigureDifference, figureDifferences, freezeFigures, isLate, LkjipDocument, lkjipDueDate } from '@app/domain/lkjip';
import { PlanDocument } from '@app/domain/plan';
import { LkjipSettings } from './lkjip-settings';

/**
 * The report as read (docs/api.md, LKjIP): its document, plus what depends on the day it is read
 * and on the plan as it stands now. The figures themselves never move; `differences` shows what
 * a recompile would change.
 */
export type LkjipView = LkjipDocument & {
  dueDate: string;
  /** LKJIP_LATE: not submitted by the due date (the first submission decides). */
  late: boolean;
  /** The plan's effective version now; null when the plan cannot be read. */
  currentPlanVersion: number | null;
  differences: FigureDifference[];
  /** The plan moved on since the figures were frozen and the unit can still recompile. */
  recompileDue: boolean;
};

export function lkjipView(document: LkjipDocument, plan: PlanDocument | null, today: string, settings: LkjipSettings): LkjipView {
  const dueDate = lkjipDueDate(document.year, settings.dueSetting);
  // The position is the report's own concern; comparing figures needs none.
  const current = freezeFigures(plan, settings.achievement, '');
  const differences = current ? figureDifferences(document.figures, current) : [];
  const moved = differences.length > 0 || (current !== null && current.planVersion !== document.figures.planVersion);
  return {
    ...document,
    dueDate,
    late: isLate(document, today, dueDate),
    currentPlanVersion: current?.planVersion ?? null,
    differences,
    recompileDue: moved && (document.status === 'DRAFT' || document.status === 'RETURNED'),
  };
}
