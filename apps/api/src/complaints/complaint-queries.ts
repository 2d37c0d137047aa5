import { complaintStatusOn, ComplaintDocument, ComplaintStatus, responseLate, verificationLate } from '@app/domain/complaint';
import { Clock } from '@app/platform';
import { Projections } from '@app/projections';
import { complaintReadModel, ComplaintRow } from '@app/read-models';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { decodeCursor, encodeCursor, Page } from '../http/pagination';
import { ComplaintPersonalData, Opened } from './complaint-personal-data';

/**
 * A complaint as the desk and the unit read it: opened, its status and lateness as of today,
 * never its follow secret's hash. `contact` is the desk's only; for a unit it is null.
 */
export type ComplaintAnswer = Opened<Omit<ComplaintDocument, 'followSecretHash' | 'status'>> & {
  status: ComplaintStatus;
  verificationLate: boolean;
  responseLate: boolean;
};

export interface ComplaintFilter {
  /** The unit the complaint concerns now (named at filing, or assigned by the verification). */
  opd?: string;
  state?: ComplaintStatus;
  year?: number;
  late?: boolean;
  trackingCode?: string;
}

export class ListComplaintsQuery extends Query<Page<ComplaintAnswer>> {
  constructor(
    readonly filter: ComplaintFilter,
    readonly withContact: boolean,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}

/** The status as of :today in SQL, as complaintStatusOn says it: the reporter's silence closes or archives. */
const STATUS_NOW = `(CASE WHEN c.status = 'RESPONDED' AND c.confirmDue < :today THEN 'CLOSED'
  WHEN c.status = 'NEEDS_INFO' AND c.answerDue < :today THEN 'ARCHIVED' ELSE c.status END)`;
/** verificationLate or responseLate as of :today, in SQL. */
const LATE_NOW = `((${STATUS_NOW} = 'RECEIVED' AND c.verificationDue < :today)
  OR (${STATUS_NOW} IN ('VERIFIED', 'REOPENED') AND c.responseDue < :today))`;

/** Newest complaint first; the cursor is the last item's (filedOn, trackingCode). */
@QueryHandler(ListComplaintsQuery)
export class ListComplaintsHandler implements IQueryHandler<ListComplaintsQuery> {
  constructor(
    private readonly projections: Projections,
    private readonly personalData: ComplaintPersonalData,
    private readonly clock: Clock,
  ) {}

  async execute({ filter, withContact, limit, cursor }: ListComplaintsQuery): Promise<Page<ComplaintAnswer>> {
    const today = this.clock.today();
    const query = (await this.projections.reader(complaintReadModel)).createQueryBuilder('c').setParameter('today', today);
    if (filter.opd) query.andWhere('c.opdCode = :opd', { opd: filter.opd });
    if (filter.year) query.andWhere('c.year = :year', { year: filter.year });
    if (filter.trackingCode) query.andWhere('c.trackingCode = :code', { code: filter.trackingCode });
    if (filter.state) query.andWhere(`${STATUS_NOW} = :state`, { state: filter.state });
    if (filter.late === true) query.andWhere(LATE_NOW);
    if (filter.late === false) query.andWhere(`NOT ${LATE_NOW}`);
    const after = decodeCursor(cursor, /^\d{4}-\d{2}-\d{2}\|[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    if (after !== undefined) {
      const [filedOn, trackingCode] = after.split('|');
      query.andWhere('(c.filedOn, c.trackingCode) < (:filedOn, :trackingCode)', { filedOn, trackingCode });
    }
    const rows: ComplaintRow[] = await query
      .orderBy('c.filedOn', 'DESC')
      .addOrderBy('c.trackingCode', 'DESC')
      .take(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: await Promise.all(items.map((row) => this.answer(row.document, today, withContact))),
      nextCursor: rows.length > limit && last ? encodeCursor(`${last.filedOn}|${last.trackingCode}`) : null,
    };
  }

  private async answer(document: ComplaintDocument, today: string, withContact: boolean): Promise<ComplaintAnswer> {
    const { followSecretHash: _hash, contact, ...rest } = document;
    const opened = await this.personalData.open({ ...rest, contact: withContact ? contact : null });
    return {
      ...opened,
      status: complaintStatusOn(document, today),
      verificationLate: verificationLate(document, today),
      responseLate: responseLate(document, today),
    };
  }
}

export const COMPLAINT_QUERY_HANDLERS = [ListComplaintsHandler];
