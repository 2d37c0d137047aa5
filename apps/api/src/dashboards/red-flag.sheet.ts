import { Page } from '../http/pagination';
import { defineSheet, itemsOf } from '../http/sheets/sheet';
import { RedFlag } from './red-flag-queries';

/** The red-flag register as the inspectorate hands it to auditors: one flag a row, in log order. */
export const redFlagSheet = defineSheet<Page<RedFlag>, RedFlag>({
  name: 'Register Bendera Merah',
  rows: itemsOf,
  columns: [
    { header: 'Kode', kind: 'text', value: (flag) => flag.code, width: 26 },
    { header: 'Kode OPD', kind: 'text', value: (flag) => flag.opdCode },
    { header: 'Tahun', kind: 'number', value: (flag) => flag.year },
    { header: 'Triwulan', kind: 'number', value: (flag) => flag.quarter },
    { header: 'Kode Indikator', kind: 'text', value: (flag) => flag.indicatorCode },
    { header: 'Versi', kind: 'number', value: (flag) => flag.version },
    { header: 'ID Temuan', kind: 'text', value: (flag) => flag.findingId, width: 38 },
    { header: 'No. Rekomendasi', kind: 'number', value: (flag) => flag.recommendationNo },
    { header: 'Kode Kegiatan ZI', kind: 'text', value: (flag) => flag.activityCode },
    { header: 'Jatuh Tempo', kind: 'date', value: (flag) => flag.dueDate },
    { header: 'Dicatat (UTC)', kind: 'datetime', value: (flag) => flag.event.recordedAt, width: 18 },
    { header: 'Aliran', kind: 'text', value: (flag) => flag.stream, width: 24 },
    { header: 'Posisi Log', kind: 'text', value: (flag) => flag.event.position },
  ],
});
