import { LoadedLkeTemplate } from '../zi/lke-template';
import { ZI_AREAS } from '../zi/zi.events';

const WEIGHTS = {
  MANAJEMEN_PERUBAHAN: 4,
  PENATAAN_TATALAKSANA: 3.5,
  PENATAAN_SDM: 5,
  PENGUATAN_AKUNTABILITAS: 5,
  PENGUATAN_PENGAWASAN: 7.5,
  PELAYANAN_PUBLIK: 5,
};

/**
 * A sheet small enough to score by hand, with the default weights and thresholds: per area one
 * ABCD pemenuhan item and one YA_TIDAK reform item, each carrying its part's whole weight.
 */
export const smallTemplate: LoadedLkeTemplate = {
  id: 'LKE-SMALL',
  sha256: 'a'.repeat(64),
  regulation: 'PermenPANRB 90/2021',
  areas: ZI_AREAS.map((code) => ({ code, name: code, pemenuhan: WEIGHTS[code], reform: WEIGHTS[code] })),
  hasilWeight: 40,
  items: [
    ...ZI_AREAS.flatMap((area) => [
      { code: `${area}.P`, area, part: 'PEMENUHAN' as const, question: 'Pemenuhan', answerType: 'ABCD' as const, weight: WEIGHTS[area] },
      { code: `${area}.R`, area, part: 'REFORM' as const, question: 'Reform', answerType: 'YA_TIDAK' as const, weight: WEIGHTS[area] },
    ]),
    { code: 'IPAK', area: 'HASIL', part: 'HASIL', question: 'IPAK', answerType: 'SURVEY', weight: 17.5, ledgerSource: 'IPAK' },
    { code: 'CAPAIAN_KINERJA', area: 'HASIL', part: 'HASIL', question: 'Capaian kinerja', answerType: 'ABCD', weight: 5, ledgerSource: 'CAPAIAN_KINERJA' },
    { code: 'IPKP', area: 'HASIL', part: 'HASIL', question: 'IPKP', answerType: 'SURVEY', weight: 17.5, ledgerSource: 'IPKP' },
  ],
  thresholds: {
    WBK: { total: 75, pengungkit: 40, areaShare: 60, items: { IPAK: 15.75, CAPAIAN_KINERJA: 2.5, IPKP: 14 } },
    WBBM: { total: 85, pengungkit: 48, areaShare: 75, items: { IPAK: 15.75, CAPAIAN_KINERJA: 2.5, IPKP: 15.75 } },
  },
  surveySets: {
    IPAK: [{ code: 'A1', text: 'Tidak ada pungutan di luar ketentuan' }],
    IPKP: [{ code: 'P1', text: 'Pelayanan sesuai janji' }],
  },
};

/**
 * The worked example (docs/domain.md, ZI): every pemenuhan B (2/3), every reform YA, IPAK 3.6,
 * capaian kinerja B, IPKP 3.2. By hand: pengungkit 30 × 2/3 + 30 = 50; IPAK 17.5 × 3.6/4 = 15.75;
 * capaian 5 × 2/3 = 3.33…; IPKP 17.5 × 3.2/4 = 14; total 83.08. Meets WBK; short of WBBM on
 * the total (83.08 < 85) and IPKP (14 < 15.75).
 */
export const workedAnswers = (overrides: Record<string, string | number> = {}) =>
  smallTemplate.items.map((item) => ({
    itemCode: item.code,
    value:
      overrides[item.code] ?? (item.part === 'PEMENUHAN' ? 'B' : item.part === 'REFORM' ? 'YA' : { IPAK: 3.6, CAPAIAN_KINERJA: 'B', IPKP: 3.2 }[item.code]!),
    note: null,
  }));
