import { effectiveIndicatorCodes } from '@app/domain/plan';
import { CascadeLookup, skpDecider, skpStream, SkpResult } from '@app/domain/skp';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { PlanDocumentQuery } from '../plans';
import { SkpAddress } from './skp-address';
import { SkpPersonalData } from './skp-personal-data';

/**
 * What the decider needs to know before it judges an SKP's links (skp-cascade.ts): for each
 * result, whether its `cascadedFrom` exists. Both sides are folded from their own streams, so
 * a plan approved or a superior's SKP drafted a moment ago already counts.
 */
export class CascadeLookupQuery extends Query<CascadeLookup> {
  constructor(
    readonly skp: SkpAddress,
    readonly results: SkpResult[],
  ) {
    super();
  }
}

@QueryHandler(CascadeLookupQuery)
export class CascadeLookupHandler implements IQueryHandler<CascadeLookupQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly queries: QueryBus,
    private readonly personal: SkpPersonalData,
  ) {}

  async execute({ skp, results }: CascadeLookupQuery): Promise<CascadeLookup> {
    // Several results usually name the same plan or superior: each is read once.
    const reads = new Map<string, Promise<ReadonlySet<string>>>();
    const once = (key: string, read: () => Promise<ReadonlySet<string>>) => reads.get(key) ?? reads.set(key, read()).get(key)!;
    const entries = await Promise.all(
      results.map(async ({ code, cascadedFrom: source }) => {
        const codes =
          source.kind === 'PLAN_INDICATOR'
            ? await once(
                `plan ${source.opdCode} ${source.year}`,
                async () => new Set(effectiveIndicatorCodes((await this.queries.execute(new PlanDocumentQuery(source.opdCode, source.year))).document) ?? []),
              )
            : await once(`skp ${source.nip}`, () => this.resultCodes(source.nip, skp.year));
        const target = source.kind === 'PLAN_INDICATOR' ? source.indicatorCode : source.resultCode;
        return [code, codes.has(target) ? 'FOUND' : 'MISSING'] as const;
      }),
    );
    return Object.fromEntries(entries);
  }

  /** The results of the superior's SKP for the same year, as they stand (draft or agreed). */
  private async resultCodes(nip: string, year: number): Promise<ReadonlySet<string>> {
    // Result codes are not personal: the superior's events are folded without opening them.
    const subject = await this.personal.subjectOf(nip);
    if (!subject) return new Set();
    const events = await this.store.readStream(skpStream(subject, year));
    const state = events.reduce((current, event) => skpDecider.evolve(current, event as never), skpDecider.initialState());
    return new Set(state.status === 'NONE' ? [] : state.results.map((result) => result.code));
  }
}
