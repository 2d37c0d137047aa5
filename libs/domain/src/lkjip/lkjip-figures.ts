import { AchievementSettings } from '../plan/achievement';
import { PlanDocument } from '../plan/plan-document';
import { DEFAULT_PLAN_VIEW_SETTINGS, planView } from '../plan/plan-view';
import { IndicatorFigures, LkjipFigures } from './lkjip.events';

/**
 * The figures a report freezes: exactly what the plan's own read shows for its effective version
 * (planView, hence the one achievement module), so the report and the plan never disagree at
 * compile time. Null when there is no effective version to report on (no plan, or none approved):
 * the decider refuses that with PLAN_NOT_APPROVED.
 */
export function freezeFigures(document: PlanDocument | null, settings: AchievementSettings, fromPosition: string): LkjipFigures | null {
  const effective = document?.versions.at(-1);
  if (!document || !effective) return null;
  // Flags need deadlines; figures do not, so the defaults for those are never read here.
  const view = planView(document, { ...DEFAULT_PLAN_VIEW_SETTINGS, achievement: settings });
  return {
    planVersion: effective.version,
    planRevision: document.revision,
    fromPosition,
    scale: view.scale,
    cap: settings.cap,
    achievement: view.achievement,
    category: view.category,
    goals: view.goals.map(({ code, statement, achievement, category }) => ({ code, statement, achievement, category })),
    indicators: view.goals.flatMap((goal) =>
      goal.indicators.map(({ code, name, unit, polarity, aggregation, annualTarget, realisation, achievement, category }) => ({
        goalCode: goal.code,
        code,
        name,
        unit,
        polarity,
        aggregation,
        target: annualTarget,
        realisation,
        achievement,
        category,
      })),
    ),
  };
}

type ComparedValues = Pick<IndicatorFigures, 'target' | 'realisation' | 'achievement'>;

/** An indicator whose figures moved since the report was compiled. */
export interface FigureDifference {
  code: string;
  goalCode: string;
  /** Null: the indicator came with a later plan version. */
  compiled: ComparedValues | null;
  /** Null: a later plan version dropped it. */
  current: ComparedValues | null;
}

const compared = ({ target, realisation, achievement }: IndicatorFigures): ComparedValues => ({ target, realisation, achievement });

/**
 * What a recompile would change, indicator by indicator (compiled order, then indicators new to
 * the plan): a reviewer sees that the report trails its plan. Names and categories are not
 * compared: a category only moves with its achievement.
 */
export function figureDifferences(compiled: LkjipFigures, current: LkjipFigures): FigureDifference[] {
  const now = new Map(current.indicators.map((indicator) => [indicator.code, indicator]));
  const then = new Set(compiled.indicators.map((indicator) => indicator.code));
  const differences: FigureDifference[] = [];
  for (const before of compiled.indicators) {
    const after = now.get(before.code);
    if (after && after.target === before.target && after.realisation === before.realisation && after.achievement === before.achievement) continue;
    differences.push({ code: before.code, goalCode: after?.goalCode ?? before.goalCode, compiled: compared(before), current: after ? compared(after) : null });
  }
  for (const after of current.indicators) {
    if (!then.has(after.code)) differences.push({ code: after.code, goalCode: after.goalCode, compiled: null, current: compared(after) });
  }
  return differences;
}
