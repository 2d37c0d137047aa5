import { eventTypes } from '@app/decider';
import { RealisationValue } from '../shared/realisation-value';

/**
 * A unit's yearly performance agreement (Perjanjian Kinerja / RKT): goals (sasaran) with
 * indicators (IKU) and targets, approved into effective versions, and the realisation
 * (realisasi) reported against them every quarter.
 */
export const POLARITIES = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'] as const;
export type Polarity = (typeof POLARITIES)[number];

/** How quarterly figures make the annual realisation (docs/domain.md, Achievement). */
export const AGGREGATIONS = ['LAST', 'SUM', 'AVERAGE'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** The lawful reasons to revise an approved agreement. */
export const REVISION_REASONS = ['OFFICIAL_CHANGED', 'STRATEGY_CHANGED', 'PRIORITY_CHANGED'] as const;
export type RevisionReason = (typeof REVISION_REASONS)[number];

export const QUARTERS = [1, 2, 3, 4] as const;
export type Quarter = (typeof QUARTERS)[number];

export interface Indicator {
  code: string;
  name: string;
  unit: string;
  polarity: Polarity;
  aggregation: Aggregation;
  annualTarget: number;
  quarterlyTargets: [number, number, number, number] | null;
}

export interface Goal {
  code: string;
  statement: string;
  indicators: Indicator[];
}

// Plans and SKPs report the same shape; it is one type, named where both rules of it live.
export type { RealisationValue } from '../shared/realisation-value';

type PlanKey = { opdCode: string; year: number };

export type PlanDrafted = { type: 'PlanDrafted'; data: PlanKey & { goals: Goal[] } };
export type PlanContentReplaced = { type: 'PlanContentReplaced'; data: PlanKey & { goals: Goal[] } };
export type PlanSubmitted = { type: 'PlanSubmitted'; data: PlanKey };
export type PlanReturned = { type: 'PlanReturned'; data: PlanKey & { reason: string } };
/** The signed agreement: `goals` become effective version `version`. */
export type PlanApproved = { type: 'PlanApproved'; data: PlanKey & { version: number; goals: Goal[]; on: string } };
export type RevisionStarted = { type: 'RevisionStarted'; data: PlanKey & { reasonCategory: RevisionReason; reason: string; goals: Goal[] } };
export type RevisionContentReplaced = { type: 'RevisionContentReplaced'; data: PlanKey & { goals: Goal[] } };
export type RevisionSubmitted = { type: 'RevisionSubmitted'; data: PlanKey };
export type RevisionReturned = { type: 'RevisionReturned'; data: PlanKey & { reason: string } };
export type RevisionApproved = {
  type: 'RevisionApproved';
  data: PlanKey & { version: number; reasonCategory: RevisionReason; reason: string; goals: Goal[]; on: string };
};
/** `on`: the calendar day it was reported, which the late-report flag compares. */
export type RealisationReported = { type: 'RealisationReported'; data: PlanKey & { quarter: Quarter; values: RealisationValue[]; on: string } };
export type RealisationCorrected = {
  type: 'RealisationCorrected';
  data: PlanKey & { quarter: Quarter; values: RealisationValue[]; reason: string; on: string };
};

export type PlanEvent =
  | PlanDrafted
  | PlanContentReplaced
  | PlanSubmitted
  | PlanReturned
  | PlanApproved
  | RevisionStarted
  | RevisionContentReplaced
  | RevisionSubmitted
  | RevisionReturned
  | RevisionApproved
  | RealisationReported
  | RealisationCorrected;

export const PLAN_EVENT_TYPES = eventTypes<PlanEvent>({
  PlanDrafted: true,
  PlanContentReplaced: true,
  PlanSubmitted: true,
  PlanReturned: true,
  PlanApproved: true,
  RevisionStarted: true,
  RevisionContentReplaced: true,
  RevisionSubmitted: true,
  RevisionReturned: true,
  RevisionApproved: true,
  RealisationReported: true,
  RealisationCorrected: true,
});

/** How the name of every stream of this context begins: a build by stream reads only these. */
export const PLAN_STREAM_PREFIX = 'plan-';
export const planStream = (opdCode: string, year: number) => `${PLAN_STREAM_PREFIX}${opdCode}-${year}`;
