import { ScorecardSettings } from '@app/domain/dashboard';
import { lkjipDueDate } from '@app/domain/lkjip';
import { Projections } from '@app/projections';
import { RedFlagCode, redFlagReadModel, RedFlagRow } from '@app/read-models';
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { QueryFailedError, Repository } from 'typeorm';
import { decodeCursor, encodeCursor, Page } from '../http/pagination';
import { SCORECARD_SETTINGS } from './scorecard-settings';

/** A flag in the register, with the unit, the stream and the event that raised it. */
export interface RedFlag {
  code: RedFlagCode;
  opdCode: string;
  year: number;
  stream: string;
  event: { id: string; position: string; revision: number; recordedAt: string };
  quarter: number | null;
  indicatorCode: string | null;
  version: number | null;
  findingId: string | null;
  recommendationNo: number | null;
  activityCode: string | null;
  dueDate: string | null;
}

export interface RedFlagFilter {
  opd?: string;
  year?: number;
  code?: RedFlagCode;
}

export class RedFlagsQuery extends Query<Page<RedFlag>> {
  constructor(
    readonly filter: RedFlagFilter,
    readonly today: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}

/**
 * The register in log order of the raising events; the cursor is the last item's position and
 * flag id (its row's id, and for a correction's row the indicator after it).
 * Each candidate row is judged in SQL, so that a page is a page of flags; the query says what
 * isRedFlag (@app/domain/dashboard) says, and red-flag-verdicts.int-spec.ts holds the two to the
 * same cases.
 */
const UNDEFINED_COLUMN = '42703';

@QueryHandler(RedFlagsQuery)
export class RedFlagsHandler implements IQueryHandler<RedFlagsQuery> {
  constructor(
    private readonly projections: Projections,
    @Inject(SCORECARD_SETTINGS) private readonly settings: ScorecardSettings,
  ) {}

  async execute(query: RedFlagsQuery): Promise<Page<RedFlag>> {
    const repository = await this.projections.reader(redFlagReadModel);
    const rows = await this.candidates(repository, query, true).catch((error: unknown) => {
      // Version 5 of the dashboards, serving while version 6 is built beside it, kept a row per
      // corrected indicator and has no column for a correction's indicators.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNDEFINED_COLUMN) {
        return this.candidates(repository, query, false);
      }
      throw error;
    });
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: items.map((row) => this.redFlagOf({ ...row, indicatorCode: row.correctedCode ?? row.indicatorCode })),
      nextCursor: rows.length > query.limit && last ? encodeCursor(`${last.position}|${last.flagId}`) : null,
    };
  }

  /** The flags of a page and one more, each a candidate row judged in SQL; a correction's row is a flag per indicator it named. */
  private candidates(
    repository: Repository<RedFlagRow>,
    { filter, today, limit, cursor }: RedFlagsQuery,
    correctionsNameIndicators: boolean,
  ): Promise<Array<RedFlagRow & { flagId: string; correctedCode: string | null }>> {
    const quote = (name: string) => repository.manager.connection.driver.escape(name);
    const columns = repository.metadata.columns
      .filter((column) => correctionsNameIndicators || column.propertyName !== 'indicatorCodes')
      .map((column) => `flag.${quote(column.databaseName)} AS ${quote(column.propertyName)}`)
      .join(', ');
    const values: unknown[] = [];
    const value = (of: unknown) => `$${values.push(of)}`;
    // The LKjIP's due day of the next year. An LKJIP_DUE of 02-29 compares as a string exactly
    // like the end of February even in a common year: no real day lies between the two.
    const due = `((flag.year + 1)::text || '-' || ${value(this.settings.lkjipDue ?? '02-29')})`;
    const todayValue = value(today);
    const where = [
      `((flag.code = 'LATE_REPORT' AND flag.days > ${value(this.settings.plan.reportDueDays)})
        OR (flag.code = 'LATE_CORRECTION' AND flag.days > ${value(this.settings.plan.lateCorrectionDays)})
        OR flag.code = 'TARGET_LOWERED_LATE'
        OR (flag.code IN ('RECOMMENDATION_OVERDUE', 'ZI_ACTIVITY_OVERDUE') AND flag.open AND flag.due_date < ${todayValue})
        OR (flag.code = 'LKJIP_LATE' AND (flag.submitted_on > ${due} OR (flag.submitted_on IS NULL AND ${todayValue} > ${due})))
        OR flag.code = 'GRATIFICATION_REPORTED_LATE'
        OR (flag.code IN ('GRATIFICATION_FORWARD_LATE', 'COMPLAINT_VERIFICATION_LATE', 'COMPLAINT_RESPONSE_LATE') AND flag.open AND COALESCE(flag.submitted_on, ${todayValue}) > flag.due_date))`,
    ];
    if (filter.opd) where.push(`flag.opd_code = ${value(filter.opd)}`);
    if (filter.year) where.push(`flag.year = ${value(filter.year)}`);
    if (filter.code) where.push(`flag.code = ${value(filter.code)}`);
    // Each flag of a correction's row has the id a row of its own would have: the row's id, then the indicator.
    const corrected = correctionsNameIndicators ? 'corrected.code' : 'NULL::text';
    const id = `flag.id || COALESCE('|' || ${corrected}, '')`;
    // position | code | stream | what (quarter, event id, indicator or recommendation code, joined by |).
    const after = decodeCursor(cursor, /^\d{20}-\d{20}\|[A-Z_]+\|[a-z]+-[A-Za-z0-9.-]+\|[A-Za-z0-9|._-]*$/);
    if (after !== undefined) {
      const split = after.indexOf('|');
      const position = value(after.slice(0, split));
      where.push(`flag.position >= ${position} AND (flag.position, ${id}) > (${position}, ${value(after.slice(split + 1))})`);
    }
    return repository.query(
      `SELECT ${columns}, ${id} AS "flagId", ${corrected} AS "correctedCode"
         FROM ${quote(repository.metadata.tableName)} flag
         ${correctionsNameIndicators ? 'LEFT JOIN LATERAL unnest(flag.indicator_codes) AS corrected(code) ON true' : ''}
        WHERE ${where.join(' AND ')}
        ORDER BY flag.position, "flagId"
        LIMIT ${value(limit + 1)}`,
      values,
    );
  }

  private redFlagOf(row: RedFlagRow): RedFlag {
    return {
      code: row.code,
      opdCode: row.opdCode,
      year: row.year,
      stream: row.stream,
      event: { id: row.eventId, position: row.position, revision: row.revision, recordedAt: row.recordedAt },
      quarter: row.quarter,
      indicatorCode: row.indicatorCode,
      version: row.version,
      findingId: row.findingId,
      recommendationNo: row.recommendationNo,
      activityCode: row.activityCode,
      dueDate: row.code === 'LKJIP_LATE' ? lkjipDueDate(row.year, this.settings.lkjipDue) : row.dueDate,
    };
  }
}
