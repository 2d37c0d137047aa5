import { daysBetween } from '../shared/calendar';
import { aggregate, AchievementSettings, capaian, cappedAverage, categoryOf, DEFAULT_ACHIEVEMENT_SETTINGS, shown } from './achievement';
import { quarterEnd } from './plan-calendar';
import { indicatorsOf } from './plan-content';
import { PlanDocument, PlanVersion, QuarterReport } from './plan-document';
import { Goal, Indicator, Quarter, QUARTERS, RealisationValue } from './plan.events';

export interface PlanViewSettings {
  achievement: AchievementSettings;
  /** A quarter reported more than this many days after it ended is flagged LATE_REPORT. */
  reportDueDays: number;
  /** A correction more than this many days after the original report is flagged LATE_CORRECTION. */
  lateCorrectionDays: number;
}

export const DEFAULT_PLAN_VIEW_SETTINGS: PlanViewSettings = { achievement: DEFAULT_ACHIEVEMENT_SETTINGS, reportDueDays: 15, lateCorrectionDays: 30 };

export interface QuarterView {
  quarter: Quarter;
  value: number;
  achievement: number | null;
  corrected: boolean;
  evidenceUrl: string | null;
  note: string | null;
}

export type IndicatorView = Indicator & { realisation: number | null; achievement: number | null; category: string | null; quarters: QuarterView[] };
export type GoalView = Omit<Goal, 'indicators'> & { achievement: number | null; category: string | null; indicators: IndicatorView[] };

export const PLAN_FLAG_CODES = ['TARGET_LOWERED_LATE', 'LATE_CORRECTION', 'LATE_REPORT'] as const;
export type FlagCode = (typeof PLAN_FLAG_CODES)[number];
export interface PlanFlag {
  code: FlagCode;
  at: string;
  quarter?: Quarter;
  indicatorCode?: string;
  version?: number;
}

export interface PlanView {
  opdCode: string;
  year: number;
  status: PlanDocument['status'];
  revision: number;
  effectiveVersion: number | null;
  achievement: number | null;
  category: string | null;
  scale: string;
  goals: GoalView[];
  pendingRevision: PlanDocument['pendingRevision'];
  flags: PlanFlag[];
  versions: PlanVersion[];
  returns: PlanDocument['returns'];
  createdAt: string;
  updatedAt: string;
}

/** The value an indicator has in a quarter: the latest correction of it, else the report. */
function quarterValue(report: QuarterReport, indicatorCode: string): { value: RealisationValue; corrected: boolean } | null {
  const latest = report.corrected.find((value) => value.indicatorCode === indicatorCode);
  if (latest) return { value: latest, corrected: true };
  const original = report.values.find((value) => value.indicatorCode === indicatorCode);
  return original ? { value: original, corrected: false } : null;
}

function indicatorView(indicator: Indicator, quarters: QuarterReport[], settings: AchievementSettings): IndicatorView & { raw: number | null } {
  const reported: number[] = [];
  const quarterViews: QuarterView[] = [];
  for (const report of quarters) {
    const found = quarterValue(report, indicator.code);
    if (!found) continue;
    reported.push(found.value.value);
    // A quarter's figure is the aggregate up to it, against that quarter's target when there is one.
    const target = indicator.quarterlyTargets?.[report.quarter - 1];
    const upToHere = aggregate(indicator.aggregation, reported);
    quarterViews.push({
      quarter: report.quarter,
      value: found.value.value,
      achievement: target === undefined || upToHere === null ? null : shown(capaian(indicator.polarity, target, upToHere)),
      corrected: found.corrected,
      evidenceUrl: found.value.evidenceUrl,
      note: found.value.note,
    });
  }
  const realisation = aggregate(indicator.aggregation, reported);
  const raw = realisation === null ? null : capaian(indicator.polarity, indicator.annualTarget, realisation);
  const achievement = shown(raw);
  return { ...indicator, realisation: shown(realisation), achievement, category: categoryOf(achievement, settings.scale), quarters: quarterViews, raw };
}

/** The plan as read: achievement per quarter, indicator, goal and unit, and its red flags. */
export function planView(document: PlanDocument, settings: PlanViewSettings = DEFAULT_PLAN_VIEW_SETTINGS): PlanView {
  const { cap, scale } = settings.achievement;
  const effective = document.versions.at(-1);
  const goals = (effective?.goals ?? document.draft).map((goal) => {
    const indicators = goal.indicators.map((indicator) => indicatorView(indicator, document.quarters, settings.achievement));
    const raw = cappedAverage(
      indicators.map((indicator) => indicator.raw),
      cap,
    );
    return { goal, indicators, raw };
  });
  const unitRaw = cappedAverage(
    goals.map((goal) => goal.raw),
    cap,
  );
  const achievement = shown(unitRaw);
  return {
    opdCode: document.opdCode,
    year: document.year,
    status: document.status,
    revision: document.revision,
    effectiveVersion: effective?.version ?? null,
    achievement,
    category: categoryOf(achievement, scale),
    scale: scale.name,
    goals: goals.map(({ goal, indicators, raw }) => ({
      code: goal.code,
      statement: goal.statement,
      achievement: shown(raw),
      category: categoryOf(shown(raw), scale),
      indicators: indicators.map(({ raw: _raw, ...indicator }) => indicator),
    })),
    pendingRevision: document.pendingRevision,
    flags: planFlags(document, settings),
    versions: document.versions,
    returns: document.returns,
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
  };
}

/** Red flags for the inspectorate, in the order they happened. */
export function planFlags(document: PlanDocument, settings: Pick<PlanViewSettings, 'reportDueDays' | 'lateCorrectionDays'>): PlanFlag[] {
  const flags: PlanFlag[] = [];
  for (const report of document.quarters) {
    if (isLateReport(reportDelayDays(document.year, report), settings)) {
      flags.push({ code: 'LATE_REPORT', quarter: report.quarter, at: report.reportedAt });
    }
    for (const correction of report.corrections) {
      if (!isLateCorrection(correctionDelayDays(report, correction), settings)) continue;
      for (const indicatorCode of correction.indicatorCodes) flags.push({ code: 'LATE_CORRECTION', quarter: report.quarter, indicatorCode, at: correction.at });
    }
  }
  document.versions.forEach((version, index) => {
    for (const indicatorCode of easedLate(document, index)) {
      flags.push({ code: 'TARGET_LOWERED_LATE', indicatorCode, version: version.version, at: version.approvedAt });
    }
  });
  return flags.sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * Days from the quarter's end to the day it was reported: LATE_REPORT when above
 * REALISATION_REPORT_DUE_DAYS. A count, not a verdict, so the register can store it and a
 * changed setting needs no rebuild.
 */
export const reportDelayDays = (year: number, report: Pick<QuarterReport, 'quarter' | 'reportedOn'>): number =>
  daysBetween(quarterEnd(year, report.quarter), report.reportedOn);

/** Days from the quarter's original report to a correction: LATE_CORRECTION when above LATE_CORRECTION_DAYS. */
export const correctionDelayDays = (report: Pick<QuarterReport, 'reportedOn'>, correction: { on: string }): number =>
  daysBetween(report.reportedOn, correction.on);

/** LATE_REPORT: reported more than REALISATION_REPORT_DUE_DAYS after the quarter ended; on the last day is in time. */
export const isLateReport = (reportDelay: number, settings: Pick<PlanViewSettings, 'reportDueDays'>): boolean => reportDelay > settings.reportDueDays;

/**
 * The plan's quarters whose report was due by `today` (REALISATION_REPORT_DUE_DAYS after the
 * quarter ended), and how many of them were reported in time: what the LKE's
 * REALISATION_ON_TIME reads. A quarter not yet due counts in neither, reported or not.
 */
export function quartersReportedOnTime(
  document: { year: number; quarters: Array<Pick<QuarterReport, 'quarter' | 'reportedOn'>> },
  today: string,
  settings: Pick<PlanViewSettings, 'reportDueDays'>,
): { due: number; onTime: number } {
  const due = QUARTERS.filter((quarter) => daysBetween(quarterEnd(document.year, quarter), today) > settings.reportDueDays);
  const onTime = due.filter((quarter) => {
    const report = document.quarters.find((one) => one.quarter === quarter);
    return report !== undefined && !isLateReport(reportDelayDays(document.year, report), settings);
  });
  return { due: due.length, onTime: onTime.length };
}

/** LATE_CORRECTION: corrected more than LATE_CORRECTION_DAYS after the original report. */
export const isLateCorrection = (correctionDelay: number, settings: Pick<PlanViewSettings, 'lateCorrectionDays'>): boolean =>
  correctionDelay > settings.lateCorrectionDays;

/**
 * The indicators whose target the version at `index` eased, of those whose Q3 realisation was
 * recorded before that version's approval (TARGET_LOWERED_LATE). The first version eases nothing.
 */
export function easedLate(document: PlanDocument, index: number): string[] {
  if (index === 0) return [];
  const version = document.versions[index];
  const before = new Map(indicatorsOf(document.versions[index - 1].goals).map((indicator) => [indicator.code, indicator]));
  return indicatorsOf(version.goals)
    .filter((indicator) => {
      const previous = before.get(indicator.code);
      return previous !== undefined && easesTarget(previous, indicator) && q3ReportedBefore(document.quarters, indicator.code, version.approvedAt);
    })
    .map((indicator) => indicator.code);
}

/**
 * Whether the next version eases the indicator's annual target or a quarter's target: lower
 * when higher is better, higher when lower is better (docs/domain.md, Red flags on plans). A target that
 * moves the demanding way is not flagged. When the polarity itself changes, every target now
 * means the opposite, so any revision of it that late counts as easing.
 */
function easesTarget(previous: Indicator, next: Indicator): boolean {
  if (previous.polarity !== next.polarity) return true;
  const eases = (before: number, after: number) => (next.polarity === 'LOWER_IS_BETTER' ? after > before : after < before);
  if (eases(previous.annualTarget, next.annualTarget)) return true;
  const before = previous.quarterlyTargets;
  return before !== null && (next.quarterlyTargets ?? []).some((target, quarter) => eases(before[quarter], target));
}

function q3ReportedBefore(quarters: QuarterReport[], indicatorCode: string, instant: string): boolean {
  const q3 = quarters.find((report) => report.quarter === 3);
  if (!q3) return false;
  const reported = q3.values.some((value) => value.indicatorCode === indicatorCode) && q3.reportedAt < instant;
  return reported || q3.corrected.some((value) => value.indicatorCode === indicatorCode && value.firstCorrectedAt < instant);
}
