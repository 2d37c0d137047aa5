import { Page } from '../http/pagination';
import { defineSheet, itemsOf } from '../http/sheets/sheet';
import { GratificationAnswer } from './gratification-queries';

/** The UPG's register of gift reports as it goes to the inspectorate or KPK: a report a row, opened for those the JSON list opens it for. */
export const gratificationSheet = defineSheet<Page<GratificationAnswer>, GratificationAnswer>({
  name: 'Register Gratifikasi',
  rows: itemsOf,
  columns: [
    { header: 'ID Laporan', kind: 'text', value: (report) => report.id, width: 38 },
    { header: 'NIP Pelapor', kind: 'text', value: (report) => report.nip, width: 20 },
    { header: 'Kode OPD', kind: 'text', value: (report) => report.opdCode },
    { header: 'Status', kind: 'text', value: (report) => report.status },
    { header: 'Tanggal Diterima', kind: 'date', value: (report) => report.receivedOn },
    { header: 'Tanggal Dilaporkan', kind: 'date', value: (report) => report.reportedOn },
    { header: 'Hari Kerja sampai Lapor', kind: 'number', value: (report) => report.workingDaysToReport },
    { header: 'Terlambat Lapor', kind: 'text', value: (report) => report.late },
    { header: 'Hubungan Pemberi', kind: 'text', value: (report) => report.giverRelation },
    { header: 'Bentuk', kind: 'text', value: (report) => report.form },
    { header: 'Uraian', kind: 'text', value: (report) => report.description, width: 30 },
    { header: 'Nilai (Rp)', kind: 'rupiah', value: (report) => report.valueIdr },
    { header: 'Peristiwa', kind: 'text', value: (report) => report.occasion },
    { header: 'Calon Dikecualikan', kind: 'text', value: (report) => report.exemptCandidate },
    { header: 'Batas Diteruskan', kind: 'date', value: (report) => report.forwardDueOn },
    { header: 'Terlambat Diteruskan', kind: 'text', value: (report) => report.forwardLate },
    { header: 'Nomor KPK', kind: 'text', value: (report) => report.forwarding?.kpkReference ?? null },
    { header: 'Tanggal Diteruskan', kind: 'date', value: (report) => report.forwarding?.forwardedOn ?? null },
    { header: 'Keputusan KPK', kind: 'text', value: (report) => report.decision?.decision ?? null },
    { header: 'Nomor Keputusan', kind: 'text', value: (report) => report.decision?.decreeNumber ?? null },
    { header: 'Tanggal Serah', kind: 'date', value: (report) => report.handOver?.date ?? null },
  ],
});
