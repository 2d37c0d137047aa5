import { emptyScorecardParts, FindingTally, LkjipProgress, ScorecardParts, SkpCounts, SkpTally } from '@app/domain/dashboard';
import { FindingDocument } from '@app/domain/audit-finding';
import { PlanDocument } from '@app/domain/plan';
import { defineReadModel } from '@app/projections';
import { RowBuffer } from '../row-buffer';

/**
 * One row per OPD and year: what the scorecard is made of, none of it depending on today
 * (scorecardOf judges overdue and lateness when read). A public scorecard is one read by key.
 */
export interface ScorecardRow {
  opdCode: string;
  year: number;
  plan: PlanDocument | null;
  skp: SkpCounts;
  lkjip: (LkjipProgress & { revision: number }) | null;
  findings: FindingTally;
  updatedAt: string;
}

export const scorecardReadModel = defineReadModel<ScorecardRow>({
  name: 'scorecard',
  columns: {
    opdCode: { type: 'text', name: 'opd_code', primary: true },
    year: { type: 'int', primary: true },
    plan: { type: 'jsonb', nullable: true },
    skp: { type: 'jsonb' },
    lkjip: { type: 'jsonb', nullable: true },
    findings: { type: 'jsonb' },
    updatedAt: { type: 'text', name: 'updated_at' },
  },
  indices: [{ name: 'rm_scorecard_year', columns: ['year', 'opdCode'] }],
});

/**
 * Each SKP's contribution, so that an event can take the old one out of its unit's counts and
 * put the new one in. Keyed by stream; it is never served, and holds no name.
 */
export interface ScorecardSkpRow {
  stream: string;
  tally: SkpTally;
  revision: number;
}

export const scorecardSkpReadModel = defineReadModel<ScorecardSkpRow>({
  name: 'scorecard_skp',
  columns: {
    stream: { type: 'text', primary: true },
    tally: { type: 'jsonb' },
    revision: { type: 'int' },
  },
});

/** Each finding's document, to fold its next event and work out its new contribution; never served. */
export interface ScorecardFindingRow {
  id: string;
  document: FindingDocument;
  revision: number;
}

export const scorecardFindingReadModel = defineReadModel<ScorecardFindingRow>({
  name: 'scorecard_finding',
  columns: {
    id: { type: 'text', primary: true },
    document: { type: 'jsonb' },
    revision: { type: 'int' },
  },
});

/** A unit's year (empty when it has none yet), changed and put back. */
export async function updateScorecard(
  scorecards: RowBuffer<ScorecardRow>,
  opdCode: string,
  year: number,
  at: string,
  change: (parts: ScorecardParts) => ScorecardParts,
): Promise<void> {
  const row = (await scorecards.get({ opdCode, year })) ?? { ...emptyScorecardParts(opdCode, year), updatedAt: at };
  const next = change(row as ScorecardParts);
  scorecards.put({ ...row, ...next, lkjip: next.lkjip as ScorecardRow['lkjip'], updatedAt: at });
}
