import { Mutu, SurveyKind } from '@app/domain/survey';
import { Lang } from './portal-text';

/** The survey pages' words: Bahasa Indonesia first, as the questions themselves are asked. */
const TEXT = {
  id: {
    kindTitle: { SKM: 'Survei Kepuasan Masyarakat', IPAK: 'Survei Persepsi Anti Korupsi', IPKP: 'Survei Persepsi Kualitas Pelayanan' } as Record<
      SurveyKind,
      string
    >,
    period: (quarter: number, year: number) => `Triwulan ${quarter} tahun ${year}`,
    lead: 'Jawaban Anda tanpa nama: tidak ada yang dapat mengetahui siapa yang menjawab. Pilih satu jawaban untuk setiap pertanyaan.',
    choices: ['Tidak baik', 'Kurang baik', 'Baik', 'Sangat baik'],
    profileTitle: 'Tentang Anda (boleh dikosongkan)',
    gender: 'Jenis kelamin',
    genders: { L: 'Laki-laki', P: 'Perempuan' } as Record<string, string>,
    ageBand: 'Umur',
    education: 'Pendidikan',
    notSaid: 'Tidak diisi',
    send: 'Kirim jawaban',
    thanksTitle: 'Terima kasih',
    thanks: 'Jawaban Anda sudah tercatat. Hasil survei diumumkan setelah survei ditutup.',
    errorTitle: 'Jawaban belum terkirim',
    error: 'Jawab setiap pertanyaan dengan salah satu dari empat pilihan, lalu kirim lagi.',
    closed: 'Survei ini sudah ditutup dan tidak menerima jawaban lagi. Hasilnya:',
    resultsTitle: (service: string, quarter: number, year: number) => `Hasil survei ${service}, triwulan ${quarter} ${year}`,
    unsur: 'Unsur pelayanan',
    nrr: 'Nilai rata-rata (1–4)',
    responses: 'Jumlah responden',
    ikm: 'Indeks Kepuasan Masyarakat (IKM)',
    mutu: 'Mutu pelayanan',
    mutuNames: { A: 'A (Sangat Baik)', B: 'B (Baik)', C: 'C (Kurang Baik)', D: 'D (Tidak Baik)' } as Record<Mutu, string>,
    value: 'Nilai (0–4)',
    sample: (minimum: number, sufficient: boolean) => `Sampel minimum ${minimum} responden: ${sufficient ? 'terpenuhi' : 'belum terpenuhi'}.`,
    chartLabel: (service: string) => `Nilai rata-rata setiap unsur pelayanan, ${service}`,
    surveysTitle: 'Survei kepuasan masyarakat',
    surveysNone: 'Belum ada survei yang ditutup tahun ini.',
  },
  en: {
    kindTitle: { SKM: 'Public Satisfaction Survey', IPAK: 'Anti-Corruption Perception Survey', IPKP: 'Service Quality Perception Survey' } as Record<
      SurveyKind,
      string
    >,
    period: (quarter: number, year: number) => `Quarter ${quarter} of ${year}`,
    lead: 'Your answers are anonymous: nobody can tell who answered. Choose one answer for each question.',
    choices: ['Poor', 'Fair', 'Good', 'Very good'],
    profileTitle: 'About you (optional)',
    gender: 'Gender',
    genders: { L: 'Male', P: 'Female' } as Record<string, string>,
    ageBand: 'Age',
    education: 'Education',
    notSaid: 'Not given',
    send: 'Send answers',
    thanksTitle: 'Thank you',
    thanks: 'Your answers are recorded. The survey’s results are published once it closes.',
    errorTitle: 'Your answers were not sent',
    error: 'Answer every question with one of the four choices, then send again.',
    closed: 'This survey is closed and takes no more answers. Its results:',
    resultsTitle: (service: string, quarter: number, year: number) => `Results of the ${service} survey, quarter ${quarter} of ${year}`,
    unsur: 'Service element',
    nrr: 'Mean score (1–4)',
    responses: 'Respondents',
    ikm: 'Public Satisfaction Index (IKM)',
    mutu: 'Service quality',
    mutuNames: { A: 'A (Very good)', B: 'B (Good)', C: 'C (Poor)', D: 'D (Very poor)' } as Record<Mutu, string>,
    value: 'Score (0–4)',
    sample: (minimum: number, sufficient: boolean) => `Minimum sample ${minimum} respondents: ${sufficient ? 'met' : 'not met yet'}.`,
    chartLabel: (service: string) => `Mean score of each service element, ${service}`,
    surveysTitle: 'Public satisfaction surveys',
    surveysNone: 'No survey has closed this year yet.',
  },
};

export type SurveyText = (typeof TEXT)['id'];
export const surveyTextFor = (lang: Lang): SurveyText => TEXT[lang];
