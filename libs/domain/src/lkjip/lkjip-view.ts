import { AchievementSettings } from '../plan/achievement';
import { PlanDocument } from '../plan/plan-document';
import { isEditable } from './lkjip.decider';
import { LkjipDocument } from './lkjip-document';
import { isLate, lkjipDueDate } from './lkjip-due';
import { FigureDifference, figureDifferences, freezeFigures } from './lkjip-figures';

/** What the report's read shape is configured by: the plan's achievement rules and the due date. */
export interface LkjipViewSettings {
  /** The plan's own cap and scale, so a report freezes exactly what the plan shows. */
  achievement: AchievementSettings;
  /** LKJIP_DUE (`MM-DD` of the next year), or undefined for the end of February. */
  dueSetting: string | undefined;
}

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

export function lkjipView(document: LkjipDocument, plan: PlanDocument | null, today: string, settings: LkjipViewSettings): LkjipView {
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
    recompileDue: moved && isEditable(document.status),
  };
}
