import { AuditFindingRecorded, RecommendationAssessed } from '../audit-finding/audit-finding.events';
import { ComplaintResponded, ComplaintVerified } from '../complaint/complaint.events';
import { complaintRespondedItem, complaintVerifiedItem } from './complaint-items';
import { LkjipFigures } from '../lkjip/lkjip.events';
import { Goal, PlanApproved, RealisationCorrected, RealisationReported, RealisationValue, RevisionApproved } from '../plan/plan.events';
import { PUBLIC_ITEM_TYPES, PublicItem, PublicItemType } from './public-item';
import {
  findingRecordedItem,
  lkjipPublishedItem,
  planApprovedItem,
  publicLkjipFigures,
  realisationItem,
  recommendationAssessedItem,
  ziItem,
} from './public-item-builders';

/**
 * The privacy allow-list (docs/domain.md, The public feed) against what it must keep out: every event below
 * carries, at every level, fields no public item may show (an employee's NIP and name, an internal
 * note) besides the event's own private fields (notes, evidence links, free-text revision reasons,
 * finding narratives and ids, recommendation texts, the inspector's note). Every one of them is
 * marked SECRET; none may reach an item.
 */
const SECRET = 'SECRET';
const PLANTED = { nip: '198001012005011001', employeeName: `Budi Santoso ${SECRET}`, internalNote: `${SECRET} note` };
const PLANTED_KEYS = Object.keys(PLANTED);

/** `value` with the planted fields beside its own, as a later version of an event might carry them. */
const planted = <T extends object>(value: T): T => ({ ...value, ...PLANTED });

const key = { opdCode: 'DINKES', year: 2025 };
const zi = { unit: 'DINKES.PKM-STABAT', opdCode: 'DINKES', year: 2025 };

const goals: Goal[] = [
  planted({
    code: 'G1',
    statement: 'Derajat kesehatan meningkat',
    indicators: [
      planted({
        code: 'I1',
        name: 'Cakupan imunisasi',
        unit: '%',
        polarity: 'HIGHER_IS_BETTER' as const,
        aggregation: 'LAST' as const,
        annualTarget: 95,
        quarterlyTargets: [20, 45, 70, 95] as [number, number, number, number],
      }),
    ],
  }),
];

const values: RealisationValue[] = [
  planted({ indicatorCode: 'I1', value: 42, evidenceUrl: `https://example.org/${SECRET}.pdf`, note: `${SECRET} evidence note` }),
];

const figures: LkjipFigures = planted({
  planVersion: 2,
  planRevision: 7,
  fromPosition: '00000000000000000042-00000000000000000000',
  scale: 'PERMENDAGRI_86_2017',
  cap: 120,
  achievement: 96.5,
  category: 'SANGAT_TINGGI',
  goals: [planted({ code: 'G1', statement: 'Derajat kesehatan meningkat', achievement: 96.5, category: 'SANGAT_TINGGI' })],
  indicators: [
    planted({
      goalCode: 'G1',
      code: 'I1',
      name: 'Cakupan imunisasi',
      unit: '%',
      polarity: 'HIGHER_IS_BETTER' as const,
      aggregation: 'LAST' as const,
      target: 95,
      realisation: 91.7,
      achievement: 96.5,
      category: 'SANGAT_TINGGI',
    }),
  ],
});

const recorded: AuditFindingRecorded = {
  type: 'AuditFindingRecorded',
  data: planted({
    findingId: `${SECRET}-finding-id`,
    opdCode: 'DINKES',
    reportNumber: 'LHP-07/2025',
    reportDate: '2025-03-01',
    receivedDate: '2025-03-05',
    title: 'Kelebihan pembayaran honorarium',
    condition: `${SECRET} condition`,
    criteria: `${SECRET} criteria`,
    cause: `${SECRET} cause`,
    effect: `${SECRET} effect`,
    category: 'NON_COMPLIANCE' as const,
    amountIdr: 12_500_000,
    recommendations: [planted({ no: 1, text: `${SECRET} recommendation text`, amountIdr: 12_500_000 })],
  }),
};

/**
 * One public item per type, made by its builder from an event full of planted fields. Keyed by
 * the type, so a new type fails to compile here until it has a case, and fails the spec at run
 * time if it is added to the list some other way.
 */
const ITEMS: Record<PublicItemType, () => PublicItem> = {
  PLAN_APPROVED: () => planApprovedItem({ type: 'PlanApproved', data: planted({ ...key, version: 1, goals, on: '2025-01-15' }) } satisfies PlanApproved),
  PLAN_REVISION_APPROVED: () =>
    planApprovedItem({
      type: 'RevisionApproved',
      data: planted({ ...key, version: 2, reasonCategory: 'STRATEGY_CHANGED' as const, reason: `${SECRET} free-text reason`, goals, on: '2025-06-01' }),
    } satisfies RevisionApproved),
  REALISATION_REPORTED: () =>
    realisationItem({ type: 'RealisationReported', data: planted({ ...key, quarter: 2 as const, values, on: '2025-07-10' }) } satisfies RealisationReported),
  REALISATION_CORRECTED: () =>
    realisationItem({
      type: 'RealisationCorrected',
      data: planted({ ...key, quarter: 2 as const, values, reason: 'Salah ketik angka', on: '2025-07-20' }),
    } satisfies RealisationCorrected),
  LKJIP_PUBLISHED: () => lkjipPublishedItem('DINKES', 2025, publicLkjipFigures(figures)),
  FINDING_RECORDED: () => findingRecordedItem(recorded),
  RECOMMENDATION_ASSESSED: () =>
    recommendationAssessedItem(
      {
        type: 'RecommendationAssessed',
        data: planted({
          findingId: `${SECRET}-finding-id`,
          recommendationNo: 1,
          status: 'SESUAI' as const,
          note: `${SECRET} inspector note`,
          on: '2025-09-01',
        }),
      } satisfies RecommendationAssessed,
      planted({ opdCode: 'DINKES', year: 2025, title: 'Kelebihan pembayaran honorarium' }),
    ),
  ZI_DECLARED: () =>
    ziItem({
      type: 'ZiDeclared',
      data: planted({
        ...zi,
        target: 'WBK' as const,
        declaredOn: '2025-01-20',
        documentUrl: `https://x.go.id/${SECRET}.pdf`,
        documentSha256: 'b'.repeat(64),
        team: [{ position: `${SECRET} Kepala`, duty: SECRET }],
      }),
    }),
  ZI_PROPOSED: () => ziItem({ type: 'ZiProposed', data: planted({ ...zi, target: 'WBK' as const, on: '2025-05-10' }) }),
  ZI_AWARDED: () => ziItem({ type: 'ZiAwarded', data: planted({ ...zi, predikat: 'WBK' as const, decreeNumber: 'SK-9/2025', decreeDate: '2025-12-10' }) }),
  ZI_REVOKED: () => ziItem({ type: 'ZiRevoked', data: planted({ ...zi, reason: `${SECRET} Pegawai terjaring OTT`, on: '2026-02-01' }) }),
  // The filing's context is made by the feed projection from what it may show (the contact never enters it).
  COMPLAINT_VERIFIED: () =>
    complaintVerifiedItem(
      {
        type: 'ComplaintVerified',
        data: planted({
          trackingCode: `${SECRET}-CODE`,
          opdCode: 'DINKES',
          responseClass: 'INFORMATION' as const,
          on: '2025-06-03',
          responseDue: '2025-06-10',
        }),
      } satisfies ComplaintVerified,
      planted({ publicText: true, year: 2025, kind: 'PENGADUAN', subject: 'Antrean panjang', text: 'Antrean loket', verified: true }),
    ),
  COMPLAINT_RESPONDED: () =>
    complaintRespondedItem(
      {
        type: 'ComplaintResponded',
        data: planted({ trackingCode: `${SECRET}-CODE`, opdCode: 'DINKES', text: 'Loket ditambah', on: '2025-06-05', late: false, confirmDue: '2025-06-19' }),
      } satisfies ComplaintResponded,
      planted({ publicText: true, year: 2025, kind: 'PENGADUAN', subject: 'Antrean panjang', text: 'Antrean loket', verified: true }),
    ),
};

/** Every key at every depth of `value`. */
const keysOf = (value: unknown): string[] =>
  value !== null && typeof value === 'object' ? Object.entries(value).flatMap(([name, inner]) => [name, ...keysOf(inner)]) : [];

describe('the privacy allow-list of public items', () => {
  it.each(PUBLIC_ITEM_TYPES)('makes a %s item of its public fields and nothing planted beside them', (type) => {
    const make = ITEMS[type];
    expect(make).toBeDefined();
    const item = make();
    expect(item).toMatchObject({ type, opdCode: 'DINKES', year: 2025 });
    expect(JSON.stringify(item)).not.toContain(SECRET);
    expect(JSON.stringify(item)).not.toContain(PLANTED.nip);
    expect(keysOf(item).filter((name) => PLANTED_KEYS.includes(name))).toEqual([]);
  });

  it('lets the public fields out: the test would pass vacuously if it did not', () => {
    expect(ITEMS.REALISATION_CORRECTED().details).toEqual({ quarter: 2, values: [{ indicatorCode: 'I1', value: 42 }], reason: 'Salah ketik angka' });
    expect(ITEMS.FINDING_RECORDED().details).toMatchObject({ reportNumber: 'LHP-07/2025', amountIdr: 12_500_000, recommendations: 1 });
    expect(ITEMS.LKJIP_PUBLISHED().details).toMatchObject({ figures: { achievement: 96.5, indicators: [{ code: 'I1', realisation: 91.7 }] } });
  });

  it('writes its sentences in words, never in codes: what a person reads in the feed', () => {
    expect(ITEMS.RECOMMENDATION_ASSESSED().title).toBe('DINKES: rekomendasi 1 dinilai sesuai');
    expect(ITEMS.LKJIP_PUBLISHED().summary).toBe('Capaian 96,5% (sangat tinggi)');
    expect(ITEMS.PLAN_REVISION_APPROVED().summary).toBe('Alasan revisi: perubahan strategi; 1 sasaran, 1 indikator');
    for (const type of PUBLIC_ITEM_TYPES) {
      const { title, summary } = ITEMS[type]();
      expect(`${title} ${summary}`).not.toMatch(/[A-Z]+_[A-Z_]+/);
    }
  });
});
