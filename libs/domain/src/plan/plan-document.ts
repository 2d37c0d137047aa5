import { unreachable } from '@app/decider';
import { PlanStatus } from './plan.decider';
import { Goal, PlanEvent, Quarter, RealisationValue, RevisionReason } from './plan.events';

/**
 * A plan as its events leave it, free of configuration (cap, scale, deadlines): what the read
 * model stores and `asOf` rebuilds. `planView` adds achievement and flags when it is read.
 */
export interface PlanDocument {
  opdCode: string;
  year: number;
  status: PlanStatus;
  revision: number;
  createdAt: string;
  updatedAt: string;
  /** The content before the first approval (what `goals` shows until then). */
  draft: Goal[];
  /** Every approved version, oldest first; never altered by a later revision. */
  versions: PlanVersion[];
  pendingRevision: { reasonCategory: RevisionReason; reason: string; goals: Goal[]; startedAt: string } | null;
  returns: Array<{ at: string; reason: string; revision: boolean }>;
  quarters: QuarterReport[];
}

export interface PlanVersion {
  version: number;
  approvedAt: string;
  approvedOn: string;
  reasonCategory: RevisionReason | null;
  reason: string | null;
  goals: Goal[];
}

export interface QuarterReport {
  quarter: Quarter;
  reportedAt: string;
  reportedOn: string;
  /** As reported. */
  values: RealisationValue[];
  /** Each corrected indicator's latest value, in the order they were first corrected. */
  corrected: CorrectedValue[];
  /**
   * When each correction was made and which indicators it named: what LATE_CORRECTION is judged
   * on when the plan is read, against the setting of the day. Not what a correction said or why
   * (its event has that): the read models rewrite the document on every write, and with whole
   * corrections in it a plan's hundredth correction cost its projections twice its first.
   */
  corrections: CorrectionMark[];
}

export type CorrectedValue = RealisationValue & { firstCorrectedAt: string };

export interface CorrectionMark {
  at: string;
  on: string;
  indicatorCodes: string[];
}

/** An event with what the store adds: when it was recorded and the stream's revision after it. */
export type StoredPlanEvent = PlanEvent & { recordedAt: string; revision: number };

export function evolvePlanDocument(document: PlanDocument | null, event: StoredPlanEvent): PlanDocument | null {
  const at = event.recordedAt;
  if (event.type === 'PlanDrafted') {
    const { opdCode, year, goals } = event.data;
    return {
      opdCode,
      year,
      status: 'DRAFT',
      revision: event.revision,
      createdAt: at,
      updatedAt: at,
      draft: goals,
      versions: [],
      pendingRevision: null,
      returns: [],
      quarters: [],
    };
  }
  if (!document) return document;
  const next = { ...document, revision: event.revision, updatedAt: at };
  switch (event.type) {
    case 'PlanContentReplaced':
      return { ...next, draft: event.data.goals };
    case 'PlanSubmitted':
      return { ...next, status: 'SUBMITTED' };
    case 'PlanReturned':
      return { ...next, status: 'RETURNED', returns: [...document.returns, { at, reason: event.data.reason, revision: false }] };
    case 'PlanApproved': {
      const { version, goals, on } = event.data;
      return {
        ...next,
        status: 'APPROVED',
        versions: [...document.versions, { version, approvedAt: at, approvedOn: on, reasonCategory: null, reason: null, goals }],
      };
    }
    case 'RevisionStarted': {
      const { reasonCategory, reason, goals } = event.data;
      return { ...next, status: 'REVISION_DRAFT', pendingRevision: { reasonCategory, reason, goals, startedAt: at } };
    }
    case 'RevisionContentReplaced':
      return { ...next, pendingRevision: document.pendingRevision && { ...document.pendingRevision, goals: event.data.goals } };
    case 'RevisionSubmitted':
      return { ...next, status: 'REVISION_SUBMITTED' };
    case 'RevisionReturned':
      return { ...next, status: 'REVISION_DRAFT', returns: [...document.returns, { at, reason: event.data.reason, revision: true }] };
    case 'RevisionApproved': {
      const { version, reasonCategory, reason, goals, on } = event.data;
      return {
        ...next,
        status: 'APPROVED',
        pendingRevision: null,
        versions: [...document.versions, { version, approvedAt: at, approvedOn: on, reasonCategory, reason, goals }],
      };
    }
    case 'RealisationReported': {
      const { quarter, values, on } = event.data;
      const report: QuarterReport = { quarter, reportedAt: at, reportedOn: on, values, corrected: [], corrections: [] };
      return { ...next, quarters: [...document.quarters, report].sort((a, b) => a.quarter - b.quarter) };
    }
    case 'RealisationCorrected': {
      const { quarter, values, on } = event.data;
      const mark: CorrectionMark = { at, on, indicatorCodes: values.map((value) => value.indicatorCode) };
      return {
        ...next,
        quarters: document.quarters.map((report) =>
          report.quarter === quarter
            ? { ...report, corrected: withCorrections(report.corrected, values, at), corrections: [...report.corrections, mark] }
            : report,
        ),
      };
    }
    default:
      return unreachable(event);
  }
}

/**
 * The document without the marks of its corrections: what a copy of it stores, since the marks
 * grow with every correction and only the flags read them. The scorecards keep this (they show
 * figures, never flags); the plan register keeps the marks beside it, a row each
 * (withCorrectionMarks puts them back).
 */
export function withoutCorrectionMarks(document: PlanDocument): PlanDocument {
  if (document.quarters.every((report) => report.corrections.length === 0)) return document;
  return { ...document, quarters: document.quarters.map((report) => (report.corrections.length === 0 ? report : { ...report, corrections: [] })) };
}

/** A correction's mark as stored apart from its document: its quarter, and the revision of its event. */
export type PlanCorrectionMark = CorrectionMark & { quarter: Quarter; revision: number };

/** The mark a correction leaves (see QuarterReport.corrections); null for any other event. */
export function correctionMarkOf(event: StoredPlanEvent): PlanCorrectionMark | null {
  if (event.type !== 'RealisationCorrected') return null;
  const { quarter, values, on } = event.data;
  return { quarter, revision: event.revision, at: event.recordedAt, on, indicatorCodes: values.map((value) => value.indicatorCode) };
}

/**
 * The document the fold gives, from one kept without its marks and the marks kept apart: the
 * marks of events after the document's revision (read a moment later) are left out.
 */
export function withCorrectionMarks(document: PlanDocument, marks: readonly PlanCorrectionMark[]): PlanDocument {
  // A document kept with its marks (plan-register version 2, which may serve while version 3 is
  // built, or be read beside a table of marks left from another version) has them all already.
  if (document.quarters.some((report) => report.corrections.length > 0)) return document;
  const byQuarter = new Map<Quarter, CorrectionMark[]>();
  for (const { quarter, revision, at, on, indicatorCodes } of [...marks].sort((a, b) => a.revision - b.revision)) {
    if (revision > document.revision) continue;
    const kept = byQuarter.get(quarter) ?? [];
    kept.push({ at, on, indicatorCodes });
    byQuarter.set(quarter, kept);
  }
  if (byQuarter.size === 0) return document;
  return {
    ...document,
    quarters: document.quarters.map((report) => ({ ...report, corrections: [...report.corrections, ...(byQuarter.get(report.quarter) ?? [])] })),
  };
}

function withCorrections(corrected: CorrectedValue[], values: RealisationValue[], at: string): CorrectedValue[] {
  const next = [...corrected];
  for (const value of values) {
    const index = next.findIndex((one) => one.indicatorCode === value.indicatorCode);
    if (index === -1) next.push({ ...value, firstCorrectedAt: at });
    else next[index] = { ...value, firstCorrectedAt: next[index].firstCorrectedAt };
  }
  return next;
}

/** The indicator codes of the plan's effective version; null when none is approved (or no plan). */
export function effectiveIndicatorCodes(document: PlanDocument | null): string[] | null {
  const effective = document?.versions.at(-1);
  return effective ? effective.goals.flatMap((goal) => goal.indicators.map((indicator) => indicator.code)) : null;
}
