import { AUDIT_FINDING_EVENT_TYPES, findingYear } from '@app/domain/audit-finding';
import { redFlagId, SKP_TALLY_EVENT_TYPES } from '@app/domain/dashboard';
import { ProjectionEvent } from '@app/event-store';
import { ProjectionTarget } from '@app/projections';
import { RowBuffer } from '../row-buffer';
import { redFlagReadModel, RedFlagRow } from './red-flag.read-model';
import {
  scorecardFindingReadModel,
  ScorecardFindingRow,
  scorecardReadModel,
  ScorecardRow,
  scorecardSkpReadModel,
  ScorecardSkpRow,
} from './scorecard.read-model';

/** The dashboards' tables as one batch sees them: read once, written once (RowBuffer). */
export interface DashboardRows {
  readonly scorecards: RowBuffer<ScorecardRow>;
  readonly skps: RowBuffer<ScorecardSkpRow>;
  readonly findings: RowBuffer<ScorecardFindingRow>;
  readonly flags: RowBuffer<RedFlagRow>;
}

const SKP_TYPES = new Set<string>(SKP_TALLY_EVENT_TYPES);
const FINDING_TYPES = new Set<string>(AUDIT_FINDING_EVENT_TYPES);

/**
 * The buffers of a batch, with the rows its events will read loaded in a query per table: each
 * SKP's and finding's entry, then the scorecards those entries and the events name, and the
 * overdue flags of the recommendations followed up. Loading is a shortcut, not a contract: a
 * row it missed is read when an event asks for it.
 */
export async function dashboardRows(events: readonly ProjectionEvent[], target: ProjectionTarget): Promise<DashboardRows> {
  const rows: DashboardRows = {
    scorecards: new RowBuffer(target, scorecardReadModel),
    skps: new RowBuffer(target, scorecardSkpReadModel),
    findings: new RowBuffer(target, scorecardFindingReadModel),
    flags: new RowBuffer(target, redFlagReadModel),
  };
  const data = (event: ProjectionEvent) =>
    event.data as { opdCode?: string; year?: number; reportDate?: string; findingId?: string; recommendationNo?: number };
  await rows.skps.load(events.filter((event) => SKP_TYPES.has(event.type)).map((event) => ({ stream: event.stream })));
  await rows.findings.load(events.filter((event) => FINDING_TYPES.has(event.type)).map((event) => ({ id: data(event).findingId })));
  const scorecards: Array<Pick<ScorecardRow, 'opdCode' | 'year'>> = [];
  const flags: Array<Pick<RedFlagRow, 'id'>> = [];
  for (const event of events) {
    const { opdCode, year, reportDate, findingId, recommendationNo } = data(event);
    if (opdCode && year) scorecards.push({ opdCode, year });
    if (opdCode && reportDate) scorecards.push({ opdCode, year: findingYear({ reportDate }) });
    const tally = SKP_TYPES.has(event.type) ? rows.skps.held({ stream: event.stream })?.tally : undefined;
    if (tally) scorecards.push({ opdCode: tally.opdCode, year: tally.year });
    const finding = findingId ? rows.findings.held({ id: findingId })?.document : undefined;
    if (finding) scorecards.push({ opdCode: finding.opdCode, year: findingYear(finding) });
    if (findingId && recommendationNo !== undefined) flags.push({ id: redFlagId('RECOMMENDATION_OVERDUE', event.stream, String(recommendationNo)) });
  }
  await rows.scorecards.load(scorecards);
  await rows.flags.load(flags);
  return rows;
}

export async function flushDashboardRows(rows: DashboardRows): Promise<void> {
  await rows.skps.flush();
  await rows.findings.flush();
  await rows.scorecards.flush();
  await rows.flags.flush();
}
