import { RedFlagCode, redFlagId } from '@app/domain/dashboard';
import { ProjectionEvent } from '@app/event-store';
import { defineReadModel } from '@app/projections';

// The codes are the domain's; the register's callers have always found them here.
export { RED_FLAG_CODES, RedFlagCode } from '@app/domain/dashboard';

/**
 * A flag of docs/domain.md's red-flag table, or a candidate for one, with the event that raised it. What
 * decides it beyond the events is kept as a figure, not a verdict, and judged when read: the
 * days late against the configured limits, the due date against today. So a changed setting
 * needs no rebuild, and a recommendation becomes overdue without a new event.
 */
export interface RedFlagRow {
  /** redFlagId: code | stream | what in the stream (quarter, event, indicator, recommendation …); a correction's flags add their indicator when read. */
  id: string;
  code: RedFlagCode;
  opdCode: string;
  year: number;
  stream: string;
  eventId: string;
  position: string;
  /** The stream revision of the raising event. */
  revision: number;
  recordedAt: string;
  quarter: number | null;
  indicatorCode: string | null;
  /**
   * LATE_CORRECTION: the indicators the correction named, a flag each when read. One row for
   * the correction, not one per indicator: a correction of ten values wrote ten rows of three
   * index entries each, most of the cost of its projection.
   */
  indicatorCodes: string[] | null;
  version: number | null;
  findingId: string | null;
  recommendationNo: number | null;
  /** ZI_ACTIVITY_OVERDUE: the action plan's activity (the unit is in the stream). */
  activityCode: string | null;
  /** LATE_REPORT: days after the quarter ended; LATE_CORRECTION: days after the original report. */
  days: number | null;
  /** RECOMMENDATION_OVERDUE: overdue once today is after it, while `open`. */
  dueDate: string | null;
  /** RECOMMENDATION_OVERDUE: the recommendation would be overdue after its due date (not final, not followed up in time, no delay reason). */
  open: boolean;
  /** LKJIP_LATE: the first submission's day, null while not submitted. */
  submittedOn: string | null;
}

export const redFlagReadModel = defineReadModel<RedFlagRow>({
  name: 'red_flag',
  columns: {
    id: { type: 'text', primary: true },
    code: { type: 'text' },
    opdCode: { type: 'text', name: 'opd_code' },
    year: { type: 'int' },
    stream: { type: 'text' },
    eventId: { type: 'text', name: 'event_id' },
    position: { type: 'text' },
    revision: { type: 'int' },
    recordedAt: { type: 'text', name: 'recorded_at' },
    quarter: { type: 'int', nullable: true },
    indicatorCode: { type: 'text', name: 'indicator_code', nullable: true },
    indicatorCodes: { type: 'text', array: true, name: 'indicator_codes', nullable: true },
    version: { type: 'int', nullable: true },
    findingId: { type: 'text', name: 'finding_id', nullable: true },
    recommendationNo: { type: 'int', name: 'recommendation_no', nullable: true },
    activityCode: { type: 'text', name: 'activity_code', nullable: true },
    days: { type: 'int', nullable: true },
    dueDate: { type: 'text', name: 'due_date', nullable: true },
    open: { type: 'boolean' },
    submittedOn: { type: 'text', name: 'submitted_on', nullable: true },
  },
  indices: [
    { name: 'rm_red_flag_order', columns: ['position', 'id'] },
    { name: 'rm_red_flag_opd', columns: ['opdCode', 'year', 'position', 'id'] },
  ],
});

type Raised = Pick<RedFlagRow, 'code' | 'opdCode' | 'year'> & Partial<Omit<RedFlagRow, 'id' | 'code' | 'opdCode' | 'year'>>;

/** A row raised by `event`, its id made of the code, the stream and `what`. */
export function redFlag(event: ProjectionEvent, what: string, raised: Raised): RedFlagRow {
  return {
    id: redFlagId(raised.code, event.stream, what),
    stream: event.stream,
    eventId: event.id,
    position: event.position,
    revision: event.revision,
    recordedAt: event.recordedAt,
    quarter: null,
    indicatorCode: null,
    indicatorCodes: null,
    version: null,
    findingId: null,
    recommendationNo: null,
    activityCode: null,
    days: null,
    dueDate: null,
    open: false,
    submittedOn: null,
    ...raised,
  };
}
