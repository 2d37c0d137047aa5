import { evolvePlanDocument, planStream, StoredPlanEvent } from '@app/domain/plan';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { storedEvent } from '@app/read-models';
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';

/**
 * The indicator codes of a plan's effective version, or null when it has none (no plan, or
 * none approved yet): what an SKP may cascade from. Folded from the plan's own stream, as
 * OpdStatusQuery is, so a decision never waits for a projection; `asOf` takes the events
 * recorded by then, for an SKP read as it was.
 */
export class EffectiveIndicatorsQuery extends Query<string[] | null> {
  constructor(
    readonly opdCode: string,
    readonly year: number,
    readonly asOf?: Date,
  ) {
    super();
  }
}

@QueryHandler(EffectiveIndicatorsQuery)
export class EffectiveIndicatorsHandler implements IQueryHandler<EffectiveIndicatorsQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ opdCode, year, asOf }: EffectiveIndicatorsQuery): Promise<string[] | null> {
    const events = await this.store.readStream(planStream(opdCode, year));
    const document = events
      .filter((event) => !asOf || new Date(event.recordedAt) <= asOf)
      .map((event) => storedEvent<StoredPlanEvent>(event))
      .reduce(evolvePlanDocument, null);
    const effective = document?.versions.at(-1);
    return effective ? effective.goals.flatMap((goal) => goal.indicators.map((indicator) => indicator.code)) : null;
  }
}
