import { PlanContentDto } from './plan.dto';

/** DTO instances to plain domain values (optional fields made explicit). */
export function goalsOf(body: PlanContentDto) {
  return body.goals.map((goal) => ({
    code: goal.code,
    statement: goal.statement,
    indicators: goal.indicators.map((indicator) => ({
      code: indicator.code,
      name: indicator.name,
      unit: indicator.unit,
      polarity: indicator.polarity,
      aggregation: indicator.aggregation,
      annualTarget: indicator.annualTarget,
      quarterlyTargets: indicator.quarterlyTargets ?? null,
    })),
  }));
}
