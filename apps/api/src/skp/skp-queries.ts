import { evolveSkpDocument, SkpDrafted, SkpParties, skpStream, SkpStatus, SkpView } from '@app/domain/skp';
import { EVENT_STORE, EventStore, foldStream } from '@app/event-store';
import { Projections } from '@app/projections';
import { skpReadModel, SkpRow } from '@app/read-models';
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { SelectQueryBuilder } from 'typeorm';
import { decodeCursor, encodeCursor, Page } from '../http/pagination';
import { SkpAddress } from './skp-address';
import { skpViews } from './skp-views-with-plans';

export class GetSkpQuery extends Query<SkpView | null> {
  /** `asOf`: the SKP as its events up to that instant left it, straight from the log. */
  constructor(
    readonly address: SkpAddress,
    readonly asOf?: Date,
  ) {
    super();
  }
}

@QueryHandler(GetSkpQuery)
export class GetSkpHandler implements IQueryHandler<GetSkpQuery> {
  constructor(
    private readonly projections: Projections,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly queries: QueryBus,
  ) {}

  async execute({ address, asOf }: GetSkpQuery): Promise<SkpView | null> {
    const document = asOf
      ? (await foldStream(this.store, skpStream(address.nip, address.year), evolveSkpDocument, asOf)).folded
      : ((await this.projections.findByKey(skpReadModel, address))?.document ?? null);
    return document && (await skpViews(this.queries, [document], asOf))[0];
  }
}

/**
 * Who an SKP names, from its first event (the employee, unit and appraiser are fixed when it
 * is drafted, so it is never stale): whom a write or a past read is allowed to.
 */
export class SkpPartiesQuery extends Query<SkpParties | null> {
  constructor(readonly address: SkpAddress) {
    super();
  }
}

@QueryHandler(SkpPartiesQuery)
export class SkpPartiesHandler implements IQueryHandler<SkpPartiesQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ address }: SkpPartiesQuery): Promise<SkpParties | null> {
    const [first] = await this.store.readStream(skpStream(address.nip, address.year), { maxCount: 1 });
    if (!first) return null;
    const { nip, appraiserNip, opdCode } = first.data as SkpDrafted['data'];
    return { nip, appraiserNip, opdCode };
  }
}

export interface SkpFilter {
  year?: number;
  status?: SkpStatus;
  pending?: boolean;
}

function filtered(query: SelectQueryBuilder<SkpRow>, { year, status, pending }: SkpFilter): SelectQueryBuilder<SkpRow> {
  if (year !== undefined) query.andWhere('skp.year = :year', { year });
  if (status) query.andWhere('skp.status = :status', { status });
  const awaiting = '(skp.awaitingAgreement OR skp.awaitingEvaluation)';
  if (pending === true) query.andWhere(awaiting);
  if (pending === false) query.andWhere(`NOT ${awaiting}`);
  return query;
}

async function page(queries: QueryBus, rows: SkpRow[], limit: number, cursorOf: (row: SkpRow) => string): Promise<Page<SkpView>> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: await skpViews(
      queries,
      items.map((row) => row.document),
    ),
    nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null,
  };
}

export class ListUnitSkpQuery extends Query<Page<SkpView>> {
  constructor(
    readonly opdCode: string,
    readonly filter: SkpFilter,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}

/** One unit's SKPs, by year then NIP; the cursor is the last item's (year, NIP). */
@QueryHandler(ListUnitSkpQuery)
export class ListUnitSkpHandler implements IQueryHandler<ListUnitSkpQuery> {
  constructor(
    private readonly projections: Projections,
    private readonly queries: QueryBus,
  ) {}

  async execute({ opdCode, filter, limit, cursor }: ListUnitSkpQuery): Promise<Page<SkpView>> {
    const query = filtered((await this.projections.reader(skpReadModel)).createQueryBuilder('skp').where('skp.opdCode = :opdCode', { opdCode }), filter);
    const after = decodeCursor(cursor, /^\d{4}\|\d{18}$/);
    if (after !== undefined) {
      const [year, nip] = after.split('|');
      query.andWhere('(skp.year, skp.nip) > (:afterYear, :afterNip)', { afterYear: Number(year), afterNip: nip });
    }
    const rows = await query
      .orderBy('skp.year', 'ASC')
      .addOrderBy('skp.nip', 'ASC')
      .take(limit + 1)
      .getMany();
    return page(this.queries, rows, limit, (row) => `${row.year}|${row.nip}`);
  }
}

export class ListAppraisalsQuery extends Query<Page<SkpView>> {
  constructor(
    readonly appraiserNip: string,
    readonly filter: SkpFilter,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}

/** The SKPs that name one appraiser, by NIP then year; the cursor is the last item's (NIP, year). */
@QueryHandler(ListAppraisalsQuery)
export class ListAppraisalsHandler implements IQueryHandler<ListAppraisalsQuery> {
  constructor(
    private readonly projections: Projections,
    private readonly queries: QueryBus,
  ) {}

  async execute({ appraiserNip, filter, limit, cursor }: ListAppraisalsQuery): Promise<Page<SkpView>> {
    const reader = await this.projections.reader(skpReadModel);
    const query = filtered(reader.createQueryBuilder('skp').where('skp.appraiserNip = :appraiserNip', { appraiserNip }), filter);
    const after = decodeCursor(cursor, /^\d{18}\|\d{4}$/);
    if (after !== undefined) {
      const [nip, year] = after.split('|');
      query.andWhere('(skp.nip, skp.year) > (:afterNip, :afterYear)', { afterNip: nip, afterYear: Number(year) });
    }
    const rows = await query
      .orderBy('skp.nip', 'ASC')
      .addOrderBy('skp.year', 'ASC')
      .take(limit + 1)
      .getMany();
    return page(this.queries, rows, limit, (row) => `${row.nip}|${row.year}`);
  }
}
