import { eventTypes } from '@app/decider';

/**
 * A unit's Zona Integritas record for one year (PermenPANRB 90/2021): the declaration
 * (pencanangan), the action plan and its progress, the self-assessment on the LKE, the
 * inspectorate's (TPI) evaluation, the regency's proposal to KemenPANRB and the national team's
 * (TPN) outcome.
 *
 * Glossary:
 * - ZI unit: an OPD (`DINKES`) or a named service unit of one (`DINKES.PKM-STABAT`).
 * - LKE (Lembar Kerja Evaluasi): the sheet of items answered by the unit and again by the TPI.
 * - pengungkit / hasil: the enablers (six change areas, each with a pemenuhan and a reform part)
 *   and the results (IPAK, capaian kinerja, IPKP).
 */

export const ZI_TARGETS = ['WBK', 'WBBM'] as const;
export type ZiTarget = (typeof ZI_TARGETS)[number];

export const ZI_STAGES = ['DECLARED', 'SELF_ASSESSED', 'RETURNED', 'EVALUATED', 'PROPOSED', 'AWARDED', 'NOT_AWARDED', 'REVOKED'] as const;
export type ZiStage = (typeof ZI_STAGES)[number];

/** The six change areas, in the regulation's order. */
export const ZI_AREAS = [
  'MANAJEMEN_PERUBAHAN',
  'PENATAAN_TATALAKSANA',
  'PENATAAN_SDM',
  'PENGUATAN_AKUNTABILITAS',
  'PENGUATAN_PENGAWASAN',
  'PELAYANAN_PUBLIK',
] as const;
export type ZiArea = (typeof ZI_AREAS)[number];

export const ACTIVITY_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const ZI_OUTCOMES = ['AWARDED', 'NOT_AWARDED'] as const;
export type ZiOutcome = (typeof ZI_OUTCOMES)[number];

/** A position on the ZI team: the office, never the person holding it (docs/domain.md, Privacy). */
export interface TeamMember {
  position: string;
  duty: string;
}

export interface ZiActivity {
  code: string;
  area: ZiArea;
  description: string;
  output: string;
  dueDate: string;
}

/** A document proving progress: where it is and its SHA-256, so a later swap is visible. */
export interface Evidence {
  url: string;
  sha256: string;
}

export interface ActivityProgress {
  date: string;
  status: ActivityStatus;
  evidence: Evidence[];
  note: string | null;
}

/** An answer as given: `YA`/`TIDAK`, a letter, a fraction or a survey value, by the item's answer type. */
export type LkeValue = string | number | { numerator: number; denominator: number };

export interface LkeAnswer {
  itemCode: string;
  value: LkeValue;
  note: string | null;
  /** The unit's answers only: what the ledger suggested when it was given, where the item names a ledger source. */
  suggested?: LkeValue;
  /** ZI_ANSWER_ABOVE_LEDGER: the answer earns more than the suggestion, for the TPI to look at. */
  aboveLedger?: boolean;
}

/** Which template a score was worked out on, so that an old score stays reproducible. */
export interface TemplateStamp {
  id: string;
  sha256: string;
}

export interface AreaScore {
  score: number;
  weight: number;
  /** score / weight in percent. */
  share: number;
}

/** Every figure is the exact sum rounded half up to 2 decimals (docs/domain.md, ZI 4). */
export interface LkeScores {
  total: number;
  pengungkit: number;
  hasil: number;
  areas: Record<ZiArea, AreaScore>;
  parts: { PEMENUHAN: number; REFORM: number; HASIL: number };
  /** The result items' scores (IPAK, CAPAIAN_KINERJA, IPKP …), which have thresholds of their own. */
  results: Record<string, number>;
}

export interface Shortfall {
  rule: string;
  required: number;
  actual: number;
}

export interface ZiJudgement {
  meets: Record<ZiTarget, boolean>;
  shortfalls: Record<ZiTarget, Shortfall[]>;
}

type ZiKey = { unit: string; opdCode: string; year: number };

export type ZiDeclared = {
  type: 'ZiDeclared';
  data: ZiKey & { target: ZiTarget; declaredOn: string; documentUrl: string; documentSha256: string; team: TeamMember[] };
};
/** `removed`: the codes of the plan before that this one no longer has, so a reader need not keep the old plan. */
export type ZiActionPlanSet = { type: 'ZiActionPlanSet'; data: ZiKey & { activities: ZiActivity[]; removed: string[] } };
export type ZiProgressReported = { type: 'ZiProgressReported'; data: ZiKey & { activityCode: string } & ActivityProgress };
/** Merged into the unit's answers: a later answer to an item replaces the earlier one. */
export type ZiSelfAnswered = { type: 'ZiSelfAnswered'; data: ZiKey & { answers: LkeAnswer[] } };
export type ZiSelfAssessed = { type: 'ZiSelfAssessed'; data: ZiKey & { template: TemplateStamp; scores: LkeScores; on: string } };
export type ZiTpiAnswered = { type: 'ZiTpiAnswered'; data: ZiKey & { answers: LkeAnswer[] } };
export type ZiEvaluated = { type: 'ZiEvaluated'; data: ZiKey & { template: TemplateStamp; scores: LkeScores; on: string } & ZiJudgement };
export type ZiReturned = { type: 'ZiReturned'; data: ZiKey & { notes: string; on: string } };
export type ZiProposed = { type: 'ZiProposed'; data: ZiKey & { target: ZiTarget; on: string } };
export type ZiAwarded = { type: 'ZiAwarded'; data: ZiKey & { predikat: ZiTarget; decreeNumber: string; decreeDate: string } };
export type ZiNotAwarded = { type: 'ZiNotAwarded'; data: ZiKey & { reason: string } };
export type ZiRevoked = { type: 'ZiRevoked'; data: ZiKey & { reason: string; on: string } };

export type ZiEvent =
  | ZiDeclared
  | ZiActionPlanSet
  | ZiProgressReported
  | ZiSelfAnswered
  | ZiSelfAssessed
  | ZiTpiAnswered
  | ZiEvaluated
  | ZiReturned
  | ZiProposed
  | ZiAwarded
  | ZiNotAwarded
  | ZiRevoked;

export const ZI_EVENT_TYPES = eventTypes<ZiEvent>({
  ZiDeclared: true,
  ZiActionPlanSet: true,
  ZiProgressReported: true,
  ZiSelfAnswered: true,
  ZiSelfAssessed: true,
  ZiTpiAnswered: true,
  ZiEvaluated: true,
  ZiReturned: true,
  ZiProposed: true,
  ZiAwarded: true,
  ZiNotAwarded: true,
  ZiRevoked: true,
});

/** How the name of every stream of this context begins: a build by stream reads only these. */
export const ZI_STREAM_PREFIX = 'zi-';
export const ziStream = (unit: string, year: number) => `${ZI_STREAM_PREFIX}${unit}-${year}`;

/** `DINKES.PKM-STABAT` belongs to `DINKES`. */
export const opdOfUnit = (unit: string) => unit.split('.')[0];

/** An OPD code, or an OPD code, a dot and a code of the same form (docs/domain.md, ZI). */
export const ZI_UNIT = /^[A-Z0-9-]{2,32}(\.[A-Z0-9-]{2,32})?$/;
