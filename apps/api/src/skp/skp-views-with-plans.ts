import { planKey, planSourcesOf, SkpDocument, SkpView, skpView } from '@app/domain/skp';
import { QueryBus } from '@nestjs/cqrs';
import { effectiveIndicatorCodes } from '@app/domain/plan';
import { PlanDocumentQuery } from '../plans';

/**
 * Documents to answers: each plan the SKPs cascade from is looked up once (a unit's page
 * usually names one plan), as it was at `asOf` when the SKPs are read as they were then.
 */
export async function skpViews(queries: QueryBus, documents: SkpDocument[], asOf?: Date): Promise<SkpView[]> {
  const plans = new Map(documents.flatMap(planSourcesOf).map((plan) => [planKey(plan.opdCode, plan.year), plan]));
  const effective = new Map<string, ReadonlySet<string>>();
  await Promise.all(
    [...plans].map(async ([key, { opdCode, year }]) => {
      const indicators = effectiveIndicatorCodes((await queries.execute(new PlanDocumentQuery(opdCode, year, asOf))).document);
      if (indicators) effective.set(key, new Set(indicators));
    }),
  );
  return documents.map((document) => skpView(document, effective));
}
