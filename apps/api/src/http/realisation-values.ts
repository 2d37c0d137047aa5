import { ReportRealisationDto } from './realisation-value.dto';

/** A report's values as the deciders take them, for a plan and an SKP alike (optional fields made explicit). */
export function realisationValuesOf(body: ReportRealisationDto) {
  return body.values.map((value) => ({
    indicatorCode: value.indicatorCode,
    value: value.value,
    evidenceUrl: value.evidenceUrl ?? null,
    note: value.note ?? null,
  }));
}
