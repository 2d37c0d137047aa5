import { evolveSkpDocument, SkpDocument, SkpDrafted, SkpParties, skpStream, SkpStatus, SkpView } from '@app/domain/skp';
import { EVENT_STORE, EventStore, foldStream } from '@app/event-store';
import { Projections } from '@app/projections';
import { skpReadModel, SkpRow } from '@app/read-models';
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { SelectQueryBuilder } from 'typeorm';
import { decodeCursor, encodeCursor, Page } from '../http/pagination';
import { SkpAddress } from './skp-address';
import { SkpPersonalData } from './skp-personal-data';
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
    private readonly personal: SkpPersonalData,
  ) {}

  async execute({ address, asOf }: GetSkpQuery): Promise<SkpView | null> {
    const subject = await this.personal.subjectOf(address.nip);
    if (!subject) return null;
    const sealed = asOf
      ? (await foldStream(this.store, skpStream(subject, address.year), evolveSkpDocument, asOf)).folded
      : ((await this.projections.findByKey(skpReadModel, { subject, year: address.year }))?.document ?? null);
    return sealed && (await skpViews(this.queries, [await this.personal.open(sealed)], asOf))[0];
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
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly personal: SkpPersonalData,
  ) {}

  async execute({ address }: SkpPartiesQuery): Promise<SkpParties | null> {
    const subject = await this.personal.subjectOf(address.nip);
    if (!subject) return null;
    const [first] = await this.store.readStream(skpStream(subject, address.year), { maxCount: 1 });
    if (!first) return null;
    const { nip, appraiserNip, opdCode } = await this.personal.open(first.data as SkpDrafted['data']);
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

/**
 * A row with its document opened. Lists are ordered by NIP, which only the opened document
 * holds, so a list opens every row its filter selects (a unit's or an appraiser's SKPs), sorts
 * and pages them here; an erased employee sorts after every NIP, by subject id.
 */
interface OpenedRow {
  year: number;
  sortNip: string;
  document: SkpDocument;
}

async function openedRows(personal: SkpPersonalData, rows: SkpRow[]): Promise<OpenedRow[]> {
  return Promise.all(
    rows.map(async (row) => {
      const document = await personal.open(row.document);
      return { year: row.year, sortNip: document.nip ?? `~${row.subject}`, document };
    }),
  );
}

async function page(queries: QueryBus, rows: OpenedRow[], limit: number, cursorOf: (row: OpenedRow) => string): Promise<Page<SkpView>> {
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

const SORT_NIP = '(\\d{18}|~[0-9a-f-]{36})';
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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
    private readonly personal: SkpPersonalData,
  ) {}

  async execute({ opdCode, filter, limit, cursor }: ListUnitSkpQuery): Promise<Page<SkpView>> {
    const query = filtered((await this.projections.reader(skpReadModel)).createQueryBuilder('skp').where('skp.opdCode = :opdCode', { opdCode }), filter);
    const after = decodeCursor(cursor, new RegExp(`^\\d{4}\\|${SORT_NIP}$`));
    if (after !== undefined) query.andWhere('skp.year >= :afterYear', { afterYear: Number(after.split('|')[0]) });
    const rows = (await openedRows(this.personal, await query.getMany()))
      .sort((a, b) => a.year - b.year || compareText(a.sortNip, b.sortNip))
      .filter((row) => after === undefined || compareText(`${row.year}|${row.sortNip}`, after) > 0);
    return page(this.queries, rows, limit, (row) => `${row.year}|${row.sortNip}`);
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
    private readonly personal: SkpPersonalData,
  ) {}

  async execute({ appraiserNip, filter, limit, cursor }: ListAppraisalsQuery): Promise<Page<SkpView>> {
    const after = decodeCursor(cursor, new RegExp(`^${SORT_NIP}\\|\\d{4}$`));
    const appraiserSubject = await this.personal.subjectOf(appraiserNip);
    if (!appraiserSubject) return { items: [], nextCursor: null };
    const reader = await this.projections.reader(skpReadModel);
    const query = filtered(reader.createQueryBuilder('skp').where('skp.appraiserSubject = :appraiserSubject', { appraiserSubject }), filter);
    const rows = (await openedRows(this.personal, await query.getMany()))
      .sort((a, b) => compareText(a.sortNip, b.sortNip) || a.year - b.year)
      .filter((row) => after === undefined || compareText(`${row.sortNip}|${row.year}`, after) > 0);
    return page(this.queries, rows, limit, (row) => `${row.sortNip}|${row.year}`);
  }
}
