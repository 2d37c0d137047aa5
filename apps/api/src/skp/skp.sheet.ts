import { SkpView } from '@app/domain/skp';
import { Page } from '../http/pagination';
import { defineSheet, itemsOf } from '../http/sheets/sheet';

/**
 * An SKP list, one SKP a row. Names and NIPs are what the JSON list answers (decrypted, or null
 * once erased): the same readers see them, and nothing here reaches the public side or a log.
 */
export const skpSheet = defineSheet<Page<SkpView>, SkpView>({
  name: 'Daftar SKP',
  rows: itemsOf,
  columns: [
    { header: 'NIP', kind: 'text', value: (skp) => skp.nip, width: 20 },
    { header: 'Nama', kind: 'text', value: (skp) => skp.name, width: 30 },
    { header: 'Jabatan', kind: 'text', value: (skp) => skp.position, width: 30 },
    { header: 'Kode OPD', kind: 'text', value: (skp) => skp.opdCode },
    { header: 'Tahun', kind: 'number', value: (skp) => skp.year },
    { header: 'NIP Penilai', kind: 'text', value: (skp) => skp.appraiserNip, width: 20 },
    { header: 'Status', kind: 'text', value: (skp) => skp.status },
    { header: 'Hasil Kerja', kind: 'number', value: (skp) => skp.results.length },
    { header: 'Disepakati', kind: 'date', value: (skp) => skp.agreedOn },
    { header: 'Menunggu Persetujuan', kind: 'text', value: (skp) => skp.awaitingAgreement },
    { header: 'Menunggu Penilaian', kind: 'text', value: (skp) => skp.awaitingEvaluation.join(', ') },
    { header: 'Predikat', kind: 'text', value: (skp) => skp.predikat, width: 18 },
  ],
});
