import { RecommendationView } from '@app/domain/audit-finding';
import { Page } from '../http/pagination';
import { defineSheet, itemsOf } from '../http/sheets/sheet';
import { FindingAnswer, OpdFindingFigures } from './audit-finding-queries';

interface RecommendationRow {
  finding: FindingAnswer;
  recommendation: RecommendationView | null;
}

/** A finding without recommendations still takes a row, so the register counts every finding. */
const rowsOf = (finding: FindingAnswer): RecommendationRow[] =>
  finding.recommendations.length === 0 ? [{ finding, recommendation: null }] : finding.recommendations.map((recommendation) => ({ finding, recommendation }));

/** The follow-up register (TLHP) as auditors keep it: one recommendation a row, its finding beside it. */
export const findingSheet = defineSheet<Page<FindingAnswer>, RecommendationRow>({
  name: 'Temuan Audit',
  rows: (page) => page.items.flatMap(rowsOf),
  columns: [
    { header: 'ID Temuan', kind: 'text', value: ({ finding }) => finding.id, width: 38 },
    { header: 'Kode OPD', kind: 'text', value: ({ finding }) => finding.opdCode },
    { header: 'Nomor LHP', kind: 'text', value: ({ finding }) => finding.reportNumber, width: 20 },
    { header: 'Tanggal LHP', kind: 'date', value: ({ finding }) => finding.reportDate },
    { header: 'Tanggal Diterima', kind: 'date', value: ({ finding }) => finding.receivedDate },
    { header: 'Jatuh Tempo', kind: 'date', value: ({ finding }) => finding.dueDate },
    { header: 'Judul Temuan', kind: 'text', value: ({ finding }) => finding.title, width: 40 },
    { header: 'Kategori', kind: 'text', value: ({ finding }) => finding.category },
    { header: 'Nilai Temuan (Rp)', kind: 'rupiah', value: ({ finding }) => finding.amountIdr, width: 18 },
    { header: 'No. Rekomendasi', kind: 'number', value: ({ recommendation }) => recommendation?.no },
    { header: 'Rekomendasi', kind: 'text', value: ({ recommendation }) => recommendation?.text, width: 40 },
    { header: 'Nilai Rekomendasi (Rp)', kind: 'rupiah', value: ({ recommendation }) => recommendation?.amountIdr, width: 18 },
    { header: 'Disetor (Rp)', kind: 'rupiah', value: ({ recommendation }) => recommendation?.amountSettledIdr, width: 18 },
    { header: 'Status', kind: 'text', value: ({ recommendation }) => recommendation?.status, width: 26 },
    { header: 'Lewat Batas', kind: 'text', value: ({ recommendation }) => recommendation?.overdue },
    { header: 'Temuan Selesai', kind: 'text', value: ({ finding }) => finding.closed },
  ],
});

/** The per-unit summary: counts by status and the rupiah figures. */
export const findingSummarySheet = defineSheet<{ year: number | null; items: OpdFindingFigures[] }, OpdFindingFigures>({
  name: 'Ringkasan Temuan',
  rows: itemsOf,
  columns: [
    { header: 'Kode OPD', kind: 'text', value: (row) => row.opdCode },
    { header: 'Rekomendasi', kind: 'number', value: (row) => row.recommendations },
    { header: 'Sesuai', kind: 'number', value: (row) => row.byStatus.SESUAI },
    { header: 'Belum Sesuai', kind: 'number', value: (row) => row.byStatus.BELUM_SESUAI },
    { header: 'Belum Ditindaklanjuti', kind: 'number', value: (row) => row.byStatus.BELUM_DITINDAKLANJUTI },
    { header: 'Tidak Dapat Ditindaklanjuti', kind: 'number', value: (row) => row.byStatus.TIDAK_DAPAT_DITINDAKLANJUTI },
    { header: 'Lewat Batas', kind: 'number', value: (row) => row.overdue },
    { header: 'Tingkat Tindak Lanjut (%)', kind: 'percent', value: (row) => row.followUpRate },
    { header: 'Nilai Temuan (Rp)', kind: 'rupiah', value: (row) => row.amountIdr.total, width: 18 },
    { header: 'Nilai Disetor (Rp)', kind: 'rupiah', value: (row) => row.amountIdr.settled, width: 18 },
    { header: 'Sisa (Rp)', kind: 'rupiah', value: (row) => row.amountIdr.outstanding, width: 18 },
  ],
});
