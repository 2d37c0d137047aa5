import { opdStream } from '@app/domain/opd';
import { EVENT_STORE, EventStore, foldStream } from '@app/event-store';
import { Projections } from '@app/projections';
import { evolveOpdRow, opdReadModel, OpdRow } from '@app/read-models';
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { MoreThan } from 'typeorm';
import { OPD_CODE } from '../http/input-rules';
import { decodeCursor, encodeCursor, Page } from '../http/pagination';

export class GetOpdQuery extends Query<OpdRow | null> {
  /** `asOf`: the unit as its events up to that instant left it, straight from the log. */
  constructor(
    readonly code: string,
    readonly asOf?: Date,
  ) {
    super();
  }
}

@QueryHandler(GetOpdQuery)
export class GetOpdHandler implements IQueryHandler<GetOpdQuery> {
  constructor(
    private readonly projections: Projections,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ code, asOf }: GetOpdQuery): Promise<OpdRow | null> {
    if (!asOf) return this.projections.findByKey(opdReadModel, { code });
    return (await foldStream(this.store, opdStream(code), evolveOpdRow, asOf)).folded;
  }
}

export class ListOpdsQuery extends Query<Page<OpdRow>> {
  constructor(
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}

@QueryHandler(ListOpdsQuery)
export class ListOpdsHandler implements IQueryHandler<ListOpdsQuery> {
  constructor(private readonly projections: Projections) {}

  async execute({ limit, cursor }: ListOpdsQuery): Promise<Page<OpdRow>> {
    const after = decodeCursor(cursor, OPD_CODE);
    // The list is the dashboard's landing read: a page is kept until the registry moves.
    return this.projections.cachedRead(opdReadModel, `opd-page\u0000${limit}\u0000${after ?? ''}`, async () => {
      const rows = await (
        await this.projections.reader(opdReadModel)
      ).find({
        where: after === undefined ? {} : { code: MoreThan(after) },
        order: { code: 'ASC' },
        take: limit + 1,
      });
      const items = rows.slice(0, limit);
      return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1].code) : null };
    });
  }
}

export const OPD_QUERY_HANDLERS = [GetOpdHandler, ListOpdsHandler];
