import { evolveLkjipDocument, LkjipDocument, lkjipStream, LkjipView, lkjipView } from '@app/domain/lkjip';
import { EVENT_STORE, EventStore, foldStream, Position } from '@app/event-store';
import { Clock } from '@app/platform';
import { Projections } from '@app/projections';
import { lkjipReadModel, planReadModel } from '@app/read-models';
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { PublicOpdsQuery } from '../opds';
import { PlanDocumentQuery } from '../plans';
import { LKJIP_SETTINGS, LkjipSettings } from './lkjip-settings';

export class GetLkjipQuery extends Query<LkjipView | null> {
  /**
   * `today`: the request's day, which the late flag is judged on. `asOf`: the report and its
   * plan as their events up to that instant left them, judged on that instant's day.
   */
  constructor(
    readonly opdCode: string,
    readonly year: number,
    readonly today: string,
    readonly asOf?: Date,
  ) {
    super();
  }
}

@QueryHandler(GetLkjipQuery)
export class GetLkjipHandler implements IQueryHandler<GetLkjipQuery> {
  constructor(
    private readonly projections: Projections,
    private readonly queries: QueryBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LKJIP_SETTINGS) private readonly settings: LkjipSettings,
    private readonly clock: Clock,
  ) {}

  async execute({ opdCode, year, today, asOf }: GetLkjipQuery): Promise<LkjipView | null> {
    if (!asOf) {
      const row = await this.projections.findByKey(lkjipReadModel, { opdCode, year });
      if (!row) return null;
      const plan = await this.projections.findByKey(planReadModel, { opdCode, year });
      return lkjipView(row.document, plan?.document ?? null, today, this.settings);
    }
    const { folded: document } = await foldStream(this.store, lkjipStream(opdCode, year), evolveLkjipDocument, asOf);
    if (!document) return null;
    const { document: plan } = await this.queries.execute(new PlanDocumentQuery(opdCode, year, asOf));
    return lkjipView(document, plan, this.clock.dayOf(asOf), this.settings);
  }
}

/**
 * A report as its stream stands, with what seals it (the last event's log position and chain
 * hash) and whose it is as its cover names them: the region and the unit's registered name.
 */
export interface SealedLkjip {
  document: LkjipDocument;
  position: Position;
  hash: string;
  cover: { region: string; unitName: string };
}

/**
 * For the printed report: folded from the log rather than the read model, so that the footer's
 * hash is the hash of exactly the state printed above it.
 */
export class SealedLkjipQuery extends Query<SealedLkjip | null> {
  constructor(
    readonly opdCode: string,
    readonly year: number,
  ) {
    super();
  }
}

@QueryHandler(SealedLkjipQuery)
export class SealedLkjipHandler implements IQueryHandler<SealedLkjipQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly queries: QueryBus,
    @Inject(LKJIP_SETTINGS) private readonly settings: LkjipSettings,
  ) {}

  async execute({ opdCode, year }: SealedLkjipQuery): Promise<SealedLkjip | null> {
    const [{ folded: document, last }, units] = await Promise.all([
      foldStream(this.store, lkjipStream(opdCode, year), evolveLkjipDocument),
      this.queries.execute(new PublicOpdsQuery()),
    ]);
    if (!document || !last) return null;
    // A unit is registered before it can have a report; the code stands in only if the registry lags.
    const unitName = units.find((unit) => unit.code === opdCode)?.name ?? opdCode;
    return { document, position: last.position, hash: last.hash, cover: { region: this.settings.region, unitName } };
  }
}

export const LKJIP_QUERY_HANDLERS = [GetLkjipHandler, SealedLkjipHandler];
