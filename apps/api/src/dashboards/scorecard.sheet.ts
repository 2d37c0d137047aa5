import { Scorecard } from '@app/domain/dashboard';
import { defineSheet, itemsOf, SheetColumn } from '../http/sheets/sheet';

/** A scorecard's parts, one column each: counts and figures only, as the public scorecard holds. */
const SCORECARD_COLUMNS: ReadonlyArray<SheetColumn<Scorecard>> = [
  { header: 'Kode OPD', kind: 'text', value: (row) => row.opdCode },
  { header: 'Tahun', kind: 'number', value: (row) => row.year },
  { header: 'Status Rencana', kind: 'text', value: (row) => row.plan.status },
  { header: 'Capaian Kinerja (%)', kind: 'percent', value: (row) => row.plan.achievement },
  { header: 'Kategori', kind: 'text', value: (row) => row.plan.category },
  { header: 'SKP', kind: 'number', value: (row) => row.skp.total },
  { header: 'SKP Disepakati', kind: 'number', value: (row) => row.skp.agreed },
  { header: 'Cakupan SKP (%)', kind: 'percent', value: (row) => row.skp.coverage },
  { header: 'Status LKjIP', kind: 'text', value: (row) => row.lkjip.status },
  { header: 'Batas LKjIP', kind: 'date', value: (row) => row.lkjip.dueDate },
  { header: 'LKjIP Terlambat', kind: 'text', value: (row) => row.lkjip.late },
  { header: 'Rekomendasi', kind: 'number', value: (row) => row.findings.recommendations },
  { header: 'Rekomendasi Lewat Batas', kind: 'number', value: (row) => row.findings.overdue },
  { header: 'Tingkat Tindak Lanjut (%)', kind: 'percent', value: (row) => row.findings.followUpRate },
  { header: 'Nilai Temuan (Rp)', kind: 'rupiah', value: (row) => row.findings.amountIdr.total },
  { header: 'Nilai Disetor (Rp)', kind: 'rupiah', value: (row) => row.findings.amountIdr.settled },
  { header: 'Sisa (Rp)', kind: 'rupiah', value: (row) => row.findings.amountIdr.outstanding },
];

/** The regency ranking as it is read out: the rank, then the unit's scorecard. */
export const regencySheet = defineSheet<{ year: number; items: Scorecard[] }, Scorecard & { rank: number }>({
  name: 'Peringkat Kabupaten',
  rows: (answer) => itemsOf(answer).map((scorecard, index) => ({ ...scorecard, rank: index + 1 })),
  columns: [{ header: 'Peringkat', kind: 'number', value: (row) => row.rank }, ...SCORECARD_COLUMNS],
});

/** One unit's scorecard, one row. */
export const scorecardSheet = defineSheet<Scorecard, Scorecard>({ name: 'Kartu Kinerja', rows: (scorecard) => [scorecard], columns: SCORECARD_COLUMNS });
