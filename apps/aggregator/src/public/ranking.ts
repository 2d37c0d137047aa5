import { IntegrityState } from '../integrity/head-store';

/** A stored item, as much of it as the ranking reads. */
export interface RankedItem {
  source: string;
  type: string;
  opdCode: string;
  details: Record<string, unknown>;
}

/**
 * A regency's Zona Integritas units of the year, from the feed's declarations, proposals,
 * awards and revocations: each unit counted once, at the furthest step its items show.
 */
export interface ZiFigures {
  /** Units that declared ZI for the year. */
  declared: number;
  /** Of those, proposed to KemenPANRB (awarded and revoked ones included). */
  proposed: number;
  /** Standing awards, by predikat. */
  wbk: number;
  wbbm: number;
  revoked: number;
}

/**
 * One regency's year as its public feed tells it (docs/aggregator.md, The ranking). SKP
 * coverage is not in the public feed (an SKP is one person's), so it is null here and said to
 * be so, never guessed.
 */
export interface RankingRow {
  rank: number;
  source: string;
  integrity: IntegrityState;
  /** Units with an approved plan for the year. */
  units: number;
  /** The mean of the published LKjIPs' overall achievement (each unit's latest), or null before the first. */
  planAchievement: number | null;
  lkjip: { published: number; of: number; rate: number | null };
  auditFollowUp: { recommendations: number; settled: number; rate: number | null };
  skpCoverage: null;
  zi: ZiFigures;
}

/** The ledger's final statuses (libs/domain audit-finding: FINAL_STATUSES), as the feed spells them. */
const SETTLED = new Set(['SESUAI', 'TIDAK_DAPAT_DITINDAKLANJUTI']);

const round = (value: number) => Math.round(value * 100) / 100;
const rate = (part: number, whole: number) => (whole === 0 ? null : round((part / whole) * 100));
const numberOr = (value: unknown, fallback: number | null) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

interface Tally {
  units: Set<string>;
  achievements: Map<string, number | null>;
  recommendations: number;
  statuses: Map<string, string>;
  /** ZI unit → its furthest step: DECLARED, PROPOSED, WBK, WBBM or REVOKED. */
  zi: Map<string, string>;
}

const ZI_STEP: Record<string, (details: Record<string, unknown>) => string> = {
  ZI_DECLARED: () => 'DECLARED',
  ZI_PROPOSED: () => 'PROPOSED',
  ZI_AWARDED: (details) => (details.predikat === 'WBBM' ? 'WBBM' : 'WBK'),
  ZI_REVOKED: () => 'REVOKED',
};

function ziFigures(units: Map<string, string>): ZiFigures {
  const steps = [...units.values()];
  const count = (step: string) => steps.filter((value) => value === step).length;
  return { declared: units.size, proposed: units.size - count('DECLARED'), wbk: count('WBK'), wbbm: count('WBBM'), revoked: count('REVOKED') };
}

/**
 * The sources ranked for one year from their items (in position order per source): by plan
 * achievement, then the LKjIP rate, then the follow-up rate, highest first, a missing figure
 * last; ties share nothing but order by name. A broken source is ranked as its feed says, with
 * its state beside it: the reader decides what a broken ledger's figures are worth.
 */
export function rankSources(sources: Array<{ name: string; integrity: IntegrityState }>, items: RankedItem[]): RankingRow[] {
  const tallies = new Map<string, Tally>(
    sources.map((source) => [source.name, { units: new Set(), achievements: new Map(), recommendations: 0, statuses: new Map(), zi: new Map() }]),
  );
  for (const item of items) {
    const tally = tallies.get(item.source);
    if (!tally) continue;
    switch (item.type) {
      case 'PLAN_APPROVED':
      case 'PLAN_REVISION_APPROVED':
        tally.units.add(item.opdCode);
        break;
      case 'LKJIP_PUBLISHED': {
        const figures = item.details.figures as Record<string, unknown> | undefined;
        tally.achievements.set(item.opdCode, numberOr(figures?.achievement, null));
        break;
      }
      case 'FINDING_RECORDED':
        tally.recommendations += numberOr(item.details.recommendations, 0) ?? 0;
        break;
      case 'RECOMMENDATION_ASSESSED':
        // The feed names a recommendation by its unit, finding title and number: no finding id is public.
        tally.statuses.set(
          `${item.opdCode}\u0000${String(item.details.findingTitle)}\u0000${String(item.details.recommendationNo)}`,
          String(item.details.status),
        );
        break;
      case 'ZI_DECLARED':
      case 'ZI_PROPOSED':
      case 'ZI_AWARDED':
      case 'ZI_REVOKED':
        // In position order, so the latest item is the unit's furthest step.
        tally.zi.set(typeof item.details.unit === 'string' ? item.details.unit : item.opdCode, ZI_STEP[item.type](item.details));
        break;
    }
  }
  const rows = sources.map((source): Omit<RankingRow, 'rank'> => {
    const tally = tallies.get(source.name)!;
    const achievements = [...tally.achievements.values()].filter((value): value is number => value !== null);
    const settled = [...tally.statuses.values()].filter((status) => SETTLED.has(status)).length;
    return {
      source: source.name,
      integrity: source.integrity,
      units: tally.units.size,
      planAchievement: achievements.length ? round(achievements.reduce((sum, value) => sum + value, 0) / achievements.length) : null,
      lkjip: { published: tally.achievements.size, of: tally.units.size, rate: rate(tally.achievements.size, tally.units.size) },
      auditFollowUp: { recommendations: tally.recommendations, settled, rate: rate(settled, tally.recommendations) },
      skpCoverage: null,
      zi: ziFigures(tally.zi),
    };
  });
  const key = (row: Omit<RankingRow, 'rank'>) => [row.planAchievement, row.lkjip.rate, row.auditFollowUp.rate];
  rows.sort((a, b) => {
    const [left, right] = [key(a), key(b)];
    for (let index = 0; index < left.length; index++) {
      if (left[index] === right[index]) continue;
      if (left[index] === null) return 1;
      if (right[index] === null) return -1;
      return right[index]! - left[index]!;
    }
    return a.source.localeCompare(b.source);
  });
  return rows.map((row, index) => ({ rank: index + 1, ...row }));
}
