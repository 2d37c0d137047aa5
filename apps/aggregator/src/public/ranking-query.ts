import { SqlPool } from '@app/database';
import { IntegrityState } from '../integrity/head-store';
import { invalidParameter } from './problem';
import { RankedItem, RankingRow, rankSources } from './ranking';

const RANKED_TYPES = [
  'PLAN_APPROVED',
  'PLAN_REVISION_APPROVED',
  'LKJIP_PUBLISHED',
  'FINDING_RECORDED',
  'RECOMMENDATION_ASSESSED',
  'ZI_DECLARED',
  'ZI_PROPOSED',
  'ZI_AWARDED',
  'ZI_REVOKED',
];

/** `?year=` as given (or absent: the latest year any source has items for), checked: 400 before anything is read. */
export async function rankingYear(pool: SqlPool, given: unknown): Promise<number> {
  if (given === undefined || given === '') {
    const { rows } = await pool.query<{ year: number | null }>('SELECT max(year) AS year FROM aggregator.items');
    return rows[0].year ?? new Date().getUTCFullYear();
  }
  const year = typeof given === 'string' && /^\d{4}$/.test(given) ? Number(given) : NaN;
  if (!(year >= 1900 && year <= 2200)) throw invalidParameter('year', 'must be a year from 1900 to 2200, like 2026');
  return year;
}

/** The year's ranking over every source (docs/aggregator.md, The ranking). */
export async function rankingOf(pool: SqlPool, year: number): Promise<RankingRow[]> {
  const { rows: sources } = await pool.query<{ name: string; integrity: IntegrityState }>(
    'SELECT name, integrity_state AS integrity FROM aggregator.sources ORDER BY name',
  );
  const { rows: items } = await pool.query<RankedItem>(
    `SELECT source, type, opd_code AS "opdCode", details FROM aggregator.items WHERE year = $1 AND type = ANY($2) ORDER BY source, position`,
    [year, RANKED_TYPES],
  );
  return rankSources(sources, items);
}
