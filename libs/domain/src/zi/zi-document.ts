import { unreachable } from '@app/decider';
import {
  ActivityProgress,
  LkeAnswer,
  LkeScores,
  TeamMember,
  TemplateStamp,
  ZI_AREAS,
  ZiActivity,
  ZiArea,
  ZiEvent,
  ZiJudgement,
  ZiStage,
  ZiTarget,
} from './zi.events';

export interface ZiAssessment {
  template: TemplateStamp;
  scores: LkeScores;
  at: string;
  on: string;
}

export type ZiEvaluation = ZiAssessment & ZiJudgement;

export interface ZiActivityRecord extends ZiActivity {
  /** Every report, oldest first; the last one is the activity's status. */
  progress: Array<ActivityProgress & { at: string }>;
}

export interface ZiOutcomeRecord {
  outcome: 'AWARDED' | 'NOT_AWARDED';
  predikat: ZiTarget | null;
  decreeNumber: string | null;
  decreeDate: string | null;
  reason: string | null;
  at: string;
}

/** A unit's ZI year as its events leave it, free of the day it is read: what the read model stores and `asOf` rebuilds. */
export interface ZiDocument {
  unit: string;
  opdCode: string;
  year: number;
  stage: ZiStage;
  target: ZiTarget;
  declaredOn: string;
  documentUrl: string;
  documentSha256: string;
  team: TeamMember[];
  activities: ZiActivityRecord[];
  selfAnswers: Record<string, LkeAnswer>;
  tpiAnswers: Record<string, LkeAnswer>;
  /** The latest submission, or null before the first. */
  selfAssessment: ZiAssessment | null;
  /** The latest evaluation; null before the first and again after a return. */
  evaluation: ZiEvaluation | null;
  returns: Array<{ notes: string; from: ZiStage; at: string; on: string }>;
  proposedOn: string | null;
  outcome: ZiOutcomeRecord | null;
  revocation: { reason: string; on: string; at: string } | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export type StoredZiEvent = ZiEvent & { recordedAt: string; revision: number };

const mergedAnswers = (answers: Record<string, LkeAnswer>, added: LkeAnswer[]) => ({
  ...answers,
  ...Object.fromEntries(added.map((answer) => [answer.itemCode, answer])),
});

export function evolveZiDocument(document: ZiDocument | null, event: StoredZiEvent): ZiDocument | null {
  const at = event.recordedAt;
  if (event.type === 'ZiDeclared') {
    const { unit, opdCode, year, target, declaredOn, documentUrl, documentSha256, team } = event.data;
    return {
      unit,
      opdCode,
      year,
      stage: 'DECLARED',
      target,
      declaredOn,
      documentUrl,
      documentSha256,
      team,
      activities: [],
      selfAnswers: {},
      tpiAnswers: {},
      selfAssessment: null,
      evaluation: null,
      returns: [],
      proposedOn: null,
      outcome: null,
      revocation: null,
      revision: event.revision,
      createdAt: at,
      updatedAt: at,
    };
  }
  if (!document) return document;
  const next = { ...document, revision: event.revision, updatedAt: at };
  switch (event.type) {
    case 'ZiActionPlanSet': {
      // An activity kept by code keeps its progress; one taken out of the plan takes its reports with it.
      const before = new Map(document.activities.map((activity) => [activity.code, activity.progress]));
      return { ...next, activities: event.data.activities.map((activity) => ({ ...activity, progress: before.get(activity.code) ?? [] })) };
    }
    case 'ZiProgressReported': {
      const { activityCode, date, status, evidence, note } = event.data;
      const activities = document.activities.map((activity) =>
        activity.code === activityCode ? { ...activity, progress: [...activity.progress, { date, status, evidence, note, at }] } : activity,
      );
      return { ...next, activities };
    }
    case 'ZiSelfAnswered':
      return { ...next, selfAnswers: mergedAnswers(document.selfAnswers, event.data.answers) };
    case 'ZiSelfAssessed': {
      const { template, scores, on } = event.data;
      return { ...next, stage: 'SELF_ASSESSED', selfAssessment: { template, scores, at, on } };
    }
    case 'ZiTpiAnswered':
      return { ...next, tpiAnswers: mergedAnswers(document.tpiAnswers, event.data.answers) };
    case 'ZiEvaluated': {
      const { template, scores, on, meets, shortfalls } = event.data;
      return { ...next, stage: 'EVALUATED', evaluation: { template, scores, at, on, meets, shortfalls } };
    }
    case 'ZiReturned':
      return {
        ...next,
        stage: 'RETURNED',
        evaluation: null,
        returns: [...document.returns, { notes: event.data.notes, from: document.stage, at, on: event.data.on }],
      };
    case 'ZiProposed':
      return { ...next, stage: 'PROPOSED', proposedOn: event.data.on };
    case 'ZiAwarded': {
      const { predikat, decreeNumber, decreeDate } = event.data;
      return { ...next, stage: 'AWARDED', outcome: { outcome: 'AWARDED', predikat, decreeNumber, decreeDate, reason: null, at } };
    }
    case 'ZiNotAwarded':
      return {
        ...next,
        stage: 'NOT_AWARDED',
        outcome: { outcome: 'NOT_AWARDED', predikat: null, decreeNumber: null, decreeDate: null, reason: event.data.reason, at },
      };
    case 'ZiRevoked':
      return { ...next, stage: 'REVOKED', revocation: { reason: event.data.reason, on: event.data.on, at } };
    default:
      return unreachable(event);
  }
}

/** An activity whose latest report is not DONE once its due date has passed (ZI_ACTIVITY_OVERDUE). */
export function isActivityOverdue(activity: ZiActivityRecord, today: string): boolean {
  const latest = activity.progress.at(-1);
  return activity.dueDate < today && latest?.status !== 'DONE';
}

export type ZiView = Omit<ZiDocument, 'activities'> & {
  activities: Array<ZiActivityRecord & { status: ActivityProgress['status']; overdue: boolean }>;
  /** TPI minus self, per area, once both are scored. */
  differences: Record<ZiArea, number> | null;
  flags: ZiFlag[];
};

/** What the record raises for the TPI: an activity overdue today, an answer above what the ledger shows. */
export type ZiFlag = { code: 'ZI_ACTIVITY_OVERDUE'; activityCode: string; dueDate: string } | { code: 'ZI_ANSWER_ABOVE_LEDGER'; itemCode: string };

export function ziView(document: ZiDocument, today: string): ZiView {
  const activities = document.activities.map((activity) => ({
    ...activity,
    status: activity.progress.at(-1)?.status ?? 'NOT_STARTED',
    overdue: isActivityOverdue(activity, today),
  }));
  const self = document.selfAssessment?.scores;
  const tpi = document.evaluation?.scores;
  const differences =
    self && tpi
      ? (Object.fromEntries(ZI_AREAS.map((area) => [area, Math.round((tpi.areas[area].score - self.areas[area].score) * 100) / 100])) as Record<ZiArea, number>)
      : null;
  return {
    ...document,
    activities,
    differences,
    flags: [
      ...activities
        .filter((activity) => activity.overdue)
        .map((activity): ZiFlag => ({ code: 'ZI_ACTIVITY_OVERDUE', activityCode: activity.code, dueDate: activity.dueDate })),
      ...Object.values(document.selfAnswers)
        .filter((answer) => answer.aboveLedger)
        .map((answer): ZiFlag => ({ code: 'ZI_ANSWER_ABOVE_LEDGER', itemCode: answer.itemCode })),
    ],
  };
}
