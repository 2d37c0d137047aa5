import { forwardLate, GratificationDocument } from '@app/domain/gratification';
import { Clock } from '@app/platform';
import { Projections } from '@app/projections';
import { gratificationReadModel, GratificationRow } from '@app/read-models';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { decodeCursor, encodeCursor, Page } from '../http/pagination';
import { GratificationPersonalData, Opened } from './gratification-personal-data';

/** A report as the UPG and its reporter read it: opened, with the forwarding's lateness as of today. */
export type GratificationAnswer = Opened<Omit<GratificationDocument, 'nip' | 'giverRelation' | 'description'>> & {
  nip: string | null;
  giverRelation: string | null;
  description: string | null;
  forwardLate: boolean;
};

export interface GratificationFilter {
  opd?: string;
  year?: number;
  late?: boolean;
  /** The reporter's subject id: an employee's own reports. */
  reporterSubject?: string;
}

export class ListGratificationsQuery extends Query<Page<GratificationAnswer>> {
  constructor(
    readonly filter: GratificationFilter,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}

/** Newest report first; the cursor is the last item's (reportedOn, id). */
@QueryHandler(ListGratificationsQuery)
export class ListGratificationsHandler implements IQueryHandler<ListGratificationsQuery> {
  constructor(
    private readonly projections: Projections,
    private readonly personalData: GratificationPersonalData,
    private readonly clock: Clock,
  ) {}

  async execute({ filter, limit, cursor }: ListGratificationsQuery): Promise<Page<GratificationAnswer>> {
    const today = this.clock.today();
    const query = (await this.projections.reader(gratificationReadModel)).createQueryBuilder('g');
    if (filter.opd) query.andWhere('g.opdCode = :opd', { opd: filter.opd });
    if (filter.year) query.andWhere('g.year = :year', { year: filter.year });
    if (filter.reporterSubject) query.andWhere('g.reporterSubject = :subject', { subject: filter.reporterSubject });
    // forwardLate's rule in SQL: forwarded late, or still REPORTED once today is past the due day.
    const late = "(g.late OR g.forwardedLate = true OR (g.status = 'REPORTED' AND g.forwardDueOn < :today))";
    if (filter.late === true) query.andWhere(late, { today });
    if (filter.late === false) query.andWhere(`NOT ${late}`, { today });
    const after = decodeCursor(cursor, /^\d{4}-\d{2}-\d{2}\|[0-9a-f-]{36}$/);
    if (after !== undefined) {
      const [reportedOn, id] = after.split('|');
      query.andWhere("(g.document->>'reportedOn', g.id) < (:reportedOn, :id)", { reportedOn, id });
    }
    const rows: GratificationRow[] = await query
      .orderBy("g.document->>'reportedOn'", 'DESC')
      .addOrderBy('g.id', 'DESC')
      .take(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: await Promise.all(items.map(async (row) => ({ ...(await this.personalData.open(row.document)), forwardLate: forwardLate(row.document, today) }))),
      nextCursor: rows.length > limit && last ? encodeCursor(`${last.document.reportedOn}|${last.id}`) : null,
    };
  }
}

export const GRATIFICATION_QUERY_HANDLERS = [ListGratificationsHandler];
