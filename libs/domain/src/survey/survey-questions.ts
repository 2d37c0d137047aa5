import { SurveyKind } from './survey.events';

/**
 * The questions each kind of survey asks, as data. SKM's nine unsur are PermenPANRB 14/2017's.
 * IPAK and IPKP ask the LKE template's survey sets (`surveySets` of the template in force), which
 * a survey records at opening; the sets here are the texts of surveys opened before the texts
 * were recorded, and the same as the default template's.
 */
export interface SurveyQuestion {
  code: string;
  /** Bahasa Indonesia, as the public form asks it. */
  text: string;
}

export const SKM_UNSUR: readonly SurveyQuestion[] = [
  { code: 'U1', text: 'Persyaratan' },
  { code: 'U2', text: 'Sistem, mekanisme, dan prosedur' },
  { code: 'U3', text: 'Waktu penyelesaian' },
  { code: 'U4', text: 'Biaya/tarif' },
  { code: 'U5', text: 'Produk spesifikasi jenis pelayanan' },
  { code: 'U6', text: 'Kompetensi pelaksana' },
  { code: 'U7', text: 'Perilaku pelaksana' },
  { code: 'U8', text: 'Penanganan pengaduan, saran dan masukan' },
  { code: 'U9', text: 'Sarana dan prasarana' },
];

export const IPAK_QUESTIONS: readonly SurveyQuestion[] = [
  { code: 'A1', text: 'Tidak ada diskriminasi dalam pelayanan' },
  { code: 'A2', text: 'Tidak ada pelayanan di luar prosedur' },
  { code: 'A3', text: 'Tidak ada imbalan atau pungutan di luar ketentuan' },
  { code: 'A4', text: 'Tidak ada percaloan dalam pelayanan' },
  { code: 'A5', text: 'Tidak ada pemberian gratifikasi kepada petugas' },
];

export const IPKP_QUESTIONS: readonly SurveyQuestion[] = [
  { code: 'P1', text: 'Informasi pelayanan tersedia dan jelas' },
  { code: 'P2', text: 'Persyaratan pelayanan mudah dipenuhi' },
  { code: 'P3', text: 'Prosedur pelayanan mudah' },
  { code: 'P4', text: 'Waktu pelayanan sesuai janji' },
  { code: 'P5', text: 'Petugas ramah dan kompeten' },
  { code: 'P6', text: 'Sarana dan prasarana nyaman' },
  { code: 'P7', text: 'Pengaduan ditangani dengan baik' },
];

export const SURVEY_QUESTIONS: Record<SurveyKind, readonly SurveyQuestion[]> = { SKM: SKM_UNSUR, IPAK: IPAK_QUESTIONS, IPKP: IPKP_QUESTIONS };

/** What a survey of `kind` asks when opened now: SKM's unsur, or the template's set for IPAK and IPKP. */
export function questionsToAsk(kind: SurveyKind, surveySets: Record<'IPAK' | 'IPKP', readonly SurveyQuestion[]>): readonly SurveyQuestion[] {
  return kind === 'SKM' ? SKM_UNSUR : surveySets[kind];
}
