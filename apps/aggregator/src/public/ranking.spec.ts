import { RankedItem, rankSources } from './ranking';

const plan = (source: string, opdCode: string): RankedItem => ({ source, type: 'PLAN_APPROVED', opdCode, details: {} });
const lkjip = (source: string, opdCode: string, achievement: number | null): RankedItem => ({
  source,
  type: 'LKJIP_PUBLISHED',
  opdCode,
  details: { figures: { achievement } },
});
const finding = (source: string, opdCode: string, recommendations: number): RankedItem => ({
  source,
  type: 'FINDING_RECORDED',
  opdCode,
  details: { title: 'Kas', recommendations },
});
const assessed = (source: string, opdCode: string, recommendationNo: number, status: string): RankedItem => ({
  source,
  type: 'RECOMMENDATION_ASSESSED',
  opdCode,
  details: { findingTitle: 'Kas', recommendationNo, status },
});

const zi = (source: string, type: string, unit: string, details: Record<string, unknown>): RankedItem => ({
  source,
  type,
  opdCode: unit.split('.')[0],
  details: { unit, ...details },
});
const noZi = { declared: 0, proposed: 0, wbk: 0, wbbm: 0, revoked: 0 };

describe('the cross-regency ranking of one year', () => {
  const sources = [
    { name: 'binjai', integrity: 'CONSISTENT' as const },
    { name: 'langkat', integrity: 'INTEGRITY_BROKEN' as const },
    { name: 'medan', integrity: 'UNVERIFIED' as const },
  ];

  it('works out each figure from the public items, and ranks by achievement, then LKjIP, then follow-up', () => {
    const ranking = rankSources(sources, [
      plan('langkat', 'DINKES'),
      plan('langkat', 'DISDIK'),
      { ...plan('langkat', 'DINKES'), type: 'PLAN_REVISION_APPROVED' },
      lkjip('langkat', 'DINKES', 90),
      lkjip('langkat', 'DINKES', 100),
      finding('langkat', 'DINKES', 3),
      assessed('langkat', 'DINKES', 1, 'SESUAI'),
      assessed('langkat', 'DINKES', 2, 'SESUAI'),
      assessed('langkat', 'DINKES', 2, 'BELUM_SESUAI'),
      assessed('langkat', 'DINKES', 3, 'TIDAK_DAPAT_DITINDAKLANJUTI'),
      plan('binjai', 'DINKES'),
      lkjip('binjai', 'DINKES', 80.125),
      zi('langkat', 'ZI_DECLARED', 'DINKES', { target: 'WBK' }),
      zi('langkat', 'ZI_DECLARED', 'DINKES.PKM-STABAT', { target: 'WBK' }),
      zi('langkat', 'ZI_PROPOSED', 'DINKES.PKM-STABAT', { target: 'WBK' }),
      zi('langkat', 'ZI_DECLARED', 'DISDIK', { target: 'WBBM' }),
      zi('langkat', 'ZI_PROPOSED', 'DISDIK', { target: 'WBBM' }),
      zi('langkat', 'ZI_AWARDED', 'DISDIK', { predikat: 'WBBM' }),
      zi('binjai', 'ZI_DECLARED', 'DINKES', { target: 'WBK' }),
      zi('binjai', 'ZI_PROPOSED', 'DINKES', { target: 'WBK' }),
      zi('binjai', 'ZI_AWARDED', 'DINKES', { predikat: 'WBK' }),
      zi('binjai', 'ZI_REVOKED', 'DINKES', {}),
      { source: 'elsewhere', type: 'PLAN_APPROVED', opdCode: 'X', details: {} },
    ]);
    expect(ranking).toEqual([
      {
        rank: 1,
        source: 'langkat',
        integrity: 'INTEGRITY_BROKEN',
        units: 2,
        planAchievement: 100,
        lkjip: { published: 1, of: 2, rate: 50 },
        auditFollowUp: { recommendations: 3, settled: 2, rate: 66.67 },
        skpCoverage: null,
        zi: { declared: 3, proposed: 2, wbk: 0, wbbm: 1, revoked: 0 },
      },
      {
        rank: 2,
        source: 'binjai',
        integrity: 'CONSISTENT',
        units: 1,
        planAchievement: 80.13,
        lkjip: { published: 1, of: 1, rate: 100 },
        auditFollowUp: { recommendations: 0, settled: 0, rate: null },
        skpCoverage: null,
        zi: { declared: 1, proposed: 1, wbk: 0, wbbm: 0, revoked: 1 },
      },
      {
        rank: 3,
        source: 'medan',
        integrity: 'UNVERIFIED',
        units: 0,
        planAchievement: null,
        lkjip: { published: 0, of: 0, rate: null },
        auditFollowUp: { recommendations: 0, settled: 0, rate: null },
        skpCoverage: null,
        zi: noZi,
      },
    ]);
  });

  it('breaks a tie in achievement by the LKjIP rate, and a full tie by name', () => {
    const ranking = rankSources(sources, [plan('medan', 'A'), lkjip('medan', 'A', 95), plan('binjai', 'A'), plan('binjai', 'B'), lkjip('binjai', 'A', 95)]);
    // Both at 95: medan published all its LKjIPs (100 %), binjai half (50 %).
    expect(ranking.map((row) => row.source)).toEqual(['medan', 'binjai', 'langkat']);
    expect(rankSources(sources.slice(0, 2), []).map((row) => row.source)).toEqual(['binjai', 'langkat']);
  });
});
