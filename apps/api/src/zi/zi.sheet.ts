import { ZI_AREAS, ZiView } from '@app/domain/zi';
import { Page } from '../http/pagination';
import { defineSheet, itemsOf, SheetColumn } from '../http/sheets/sheet';

/** Each area's TPI score, then the self-assessment's, as the TPI's recapitulation sheet lays them out. */
const areaColumns = (who: 'TPI' | 'Mandiri', scores: (record: ZiView) => ZiView['evaluation'] | ZiView['selfAssessment']): Array<SheetColumn<ZiView>> =>
  ZI_AREAS.map((area) => ({
    header: `${area} (${who})`,
    kind: 'number' as const,
    value: (record: ZiView) => scores(record)?.scores.areas[area].score ?? null,
  }));

/** The inspectorate's list of ZI units: stage, target, scores self and TPI, outcome and flags. */
export const ziSheet = defineSheet<Page<ZiView>, ZiView>({
  name: 'Zona Integritas',
  rows: itemsOf,
  columns: [
    { header: 'Unit', kind: 'text', value: (record) => record.unit, width: 24 },
    { header: 'Kode OPD', kind: 'text', value: (record) => record.opdCode },
    { header: 'Tahun', kind: 'number', value: (record) => record.year },
    { header: 'Target', kind: 'text', value: (record) => record.target },
    { header: 'Tahap', kind: 'text', value: (record) => record.stage },
    { header: 'Tanggal Pencanangan', kind: 'date', value: (record) => record.declaredOn },
    { header: 'Nilai Mandiri', kind: 'number', value: (record) => record.selfAssessment?.scores.total ?? null },
    { header: 'Nilai TPI', kind: 'number', value: (record) => record.evaluation?.scores.total ?? null },
    ...areaColumns('Mandiri', (record) => record.selfAssessment),
    ...areaColumns('TPI', (record) => record.evaluation),
    { header: 'Tanggal Usulan', kind: 'date', value: (record) => record.proposedOn },
    { header: 'Hasil', kind: 'text', value: (record) => record.outcome?.outcome ?? null },
    { header: 'Predikat', kind: 'text', value: (record) => record.outcome?.predikat ?? null },
    { header: 'Nomor Keputusan', kind: 'text', value: (record) => record.outcome?.decreeNumber ?? null },
    { header: 'Tanggal Pencabutan', kind: 'date', value: (record) => record.revocation?.on ?? null },
    { header: 'Tanda', kind: 'text', value: (record) => record.flags.map((flag) => flag.code).join(', ') },
  ],
});
