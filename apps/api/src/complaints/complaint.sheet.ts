import { Page } from '../http/pagination';
import { defineSheet, itemsOf } from '../http/sheets/sheet';
import { ComplaintAnswer } from './complaint-queries';

/** The complaint register as the desk hands it on: a complaint a row, opened for those the JSON list opens it for. */
export const complaintSheet = defineSheet<Page<ComplaintAnswer>, ComplaintAnswer>({
  name: 'Register Pengaduan',
  rows: itemsOf,
  columns: [
    { header: 'Kode Lacak', kind: 'text', value: (complaint) => complaint.trackingCode },
    { header: 'Jenis', kind: 'text', value: (complaint) => complaint.kind },
    { header: 'Kode OPD', kind: 'text', value: (complaint) => complaint.opdCode },
    { header: 'Status', kind: 'text', value: (complaint) => complaint.status },
    { header: 'Tanggal Masuk', kind: 'date', value: (complaint) => complaint.filedOn },
    { header: 'Perihal', kind: 'text', value: (complaint) => complaint.subject, width: 30 },
    { header: 'Isi', kind: 'text', value: (complaint) => complaint.text, width: 40 },
    { header: 'Lokasi', kind: 'text', value: (complaint) => complaint.location },
    { header: 'Kontak', kind: 'text', value: (complaint) => contactOf(complaint), width: 30 },
    { header: 'Kelas Tanggapan', kind: 'text', value: (complaint) => complaint.responseClass },
    { header: 'Tanggal Verifikasi', kind: 'date', value: (complaint) => complaint.verifiedOn },
    { header: 'Batas Verifikasi', kind: 'date', value: (complaint) => complaint.verificationDue },
    { header: 'Batas Tanggapan', kind: 'date', value: (complaint) => complaint.responseDue },
    { header: 'Tanggapan Pertama', kind: 'date', value: (complaint) => complaint.firstResponseOn },
    { header: 'Tanggapan Terlambat', kind: 'text', value: (complaint) => complaint.firstResponseLate },
    { header: 'Verifikasi Terlambat', kind: 'text', value: (complaint) => complaint.verificationLate },
    { header: 'Tanggapan Lewat Batas', kind: 'text', value: (complaint) => complaint.responseLate },
  ],
});

function contactOf({ contact }: ComplaintAnswer): string | null {
  const parts = [contact?.name, contact?.email, contact?.phone].filter((part): part is string => typeof part === 'string');
  return parts.length ? parts.join(', ') : null;
}
