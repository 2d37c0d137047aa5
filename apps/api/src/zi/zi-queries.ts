import {
  evolveZiDocument,
  PublicZiRecord,
  publicZiRecord,
  ZiDocument,
  ZiPrerequisites,
  ziPrerequisitesDecider,
  ZiPrerequisitesEvent,
  ziPrerequisitesStream,
  ZiStage,
  ziStream,
  ZiView,
  ziView,
} from '@app/domain/zi';
import { EVENT_STORE, EventStore, foldStream } from '@app/event-store';
import { Clock } from '@app/platform';
import { Projections } from '@app/projections';
import { ziReadModel, ZiRow } from '@app/read-models';
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { LessThan } from 'typeorm';
import { decodeCursor, encodeCursor, Page } from '../http/pagination';

/** A unit's ZI year as its events leave it: from the read model, or folded up to `asOf`. */
export class ZiDocumentQuery extends Query<ZiDocument | null> {
  constructor(
    readonly unit: string,
    readonly year: number,
    readonly asOf?: Date,
  ) {
    super();
  }
}

@QueryHandler(ZiDocumentQuery)
export class ZiDocumentHandler implements IQueryHandler<ZiDocumentQuery> {
  constructor(
    private readonly projections: Projections,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ unit, year, asOf }: ZiDocumentQuery): Promise<ZiDocument | null> {
    if (!asOf) return (await this.projections.findByKey(ziReadModel, { unit, year }))?.document ?? null;
    return (await foldStream(this.store, ziStream(unit, year), evolveZiDocument, asOf)).folded;
  }
}

export class ListZiQuery extends Query<Page<ZiView>> {
  constructor(
    readonly year: number,
    readonly stage: ZiStage | undefined,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}

/** A year's ZI units in unit order; the cursor is the last unit. */
@QueryHandler(ListZiQuery)
export class ListZiHandler implements IQueryHandler<ListZiQuery> {
  constructor(
    private readonly projections: Projections,
    private readonly clock: Clock,
  ) {}

  async execute({ year, stage, limit, cursor }: ListZiQuery): Promise<Page<ZiView>> {
    const query = (await this.projections.reader(ziReadModel)).createQueryBuilder('zi').where('zi.year = :year', { year });
    if (stage) query.andWhere('zi.stage = :stage', { stage });
    const after = decodeCursor(cursor, /^[A-Z0-9-]{2,32}(\.[A-Z0-9-]{2,32})?$/);
    if (after !== undefined) query.andWhere('zi.unit > :after', { after });
    const rows: ZiRow[] = await query
      .orderBy('zi.unit', 'ASC')
      .take(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    const today = this.clock.today();
    return {
      items: items.map((row) => ziView(row.document, today)),
      nextCursor: rows.length > limit && items.length > 0 ? encodeCursor(items.at(-1)!.unit) : null,
    };
  }
}

/** Whether the unit holds a WBK awarded in an earlier year and not revoked (docs/domain.md, ZI 1). */
export class StandingWbkQuery extends Query<boolean> {
  constructor(
    readonly unit: string,
    readonly year: number,
  ) {
    super();
  }
}

@QueryHandler(StandingWbkQuery)
export class StandingWbkHandler implements IQueryHandler<StandingWbkQuery> {
  constructor(private readonly projections: Projections) {}

  async execute({ unit, year }: StandingWbkQuery): Promise<boolean> {
    // An award is of the target proposed (the decider holds to it), so an AWARDED WBK target is a WBK predikat.
    const rows = await (
      await this.projections.reader(ziReadModel)
    ).find({ where: { unit, year: LessThan(year), stage: 'AWARDED' }, select: { document: true } });
    return rows.some((row) => row.document.target === 'WBK');
  }
}

/** The regency's prerequisites for a year as the admin last recorded them; null when none are. */
export class ZiPrerequisitesQuery extends Query<ZiPrerequisites | null> {
  constructor(readonly year: number) {
    super();
  }
}

@QueryHandler(ZiPrerequisitesQuery)
export class ZiPrerequisitesHandler implements IQueryHandler<ZiPrerequisitesQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ year }: ZiPrerequisitesQuery): Promise<ZiPrerequisites | null> {
    const evolve = (state: ZiPrerequisites | null, event: ZiPrerequisitesEvent) => ziPrerequisitesDecider.evolve(state, event);
    return (await foldStream(this.store, ziPrerequisitesStream(year), evolve)).folded;
  }
}

/** Every ZI unit's public record of a year, in unit order (docs/domain.md, ZI 10). */
export class PublicZiQuery extends Query<PublicZiRecord[]> {
  constructor(readonly year: number) {
    super();
  }
}

@QueryHandler(PublicZiQuery)
export class PublicZiHandler implements IQueryHandler<PublicZiQuery> {
  constructor(private readonly projections: Projections) {}

  async execute({ year }: PublicZiQuery): Promise<PublicZiRecord[]> {
    const rows = await (await this.projections.reader(ziReadModel)).find({ where: { year }, order: { unit: 'ASC' } });
    return rows.map((row) => publicZiRecord(row.document));
  }
}

export const ZI_QUERY_HANDLERS = [ZiDocumentHandler, ListZiHandler, StandingWbkHandler, ZiPrerequisitesHandler, PublicZiHandler];
