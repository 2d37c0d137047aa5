import { AuditFindingRecorded, RecommendationAssessed } from '../audit-finding/audit-finding.events';
import { findingYear } from '../audit-finding/finding-document';
import { RECOMMENDATION_STATUS_NAMES } from '../audit-finding/recommendation-status-names';
import { LkjipFigures } from '../lkjip/lkjip.events';
import { categoryName } from '../plan/achievement-category-names';
import { REVISION_REASON_NAMES } from '../plan/plan-code-names';
import { Goal, PlanApproved, RealisationCorrected, RealisationReported, RealisationValue, RevisionApproved } from '../plan/plan.events';
import { publicIndicatorTargets } from '../plan/public-plan';
import { ZiAwarded, ZiDeclared, ZiProposed, ZiRevoked } from '../zi/zi.events';
import { PublicItem, publicLkjipPdfLink, publicScorecardLink, publicZiLink } from './public-item';

/**
 * docs/domain.md, The public feed: one builder per public item type, each naming every field it lets out.
 * Notes, evidence links, free-text revision reasons, finding narratives and ids, recommendation
 * texts, actors: none is named, so none leaves.
 */

/** "goals and indicators with targets". */
function publicGoals(goals: Goal[]) {
  return goals.map((goal) => ({
    code: goal.code,
    statement: goal.statement,
    indicators: goal.indicators.map(publicIndicatorTargets),
  }));
}

/**
 * Titles and summaries are sentences a person reads (the portal, a feed reader): codes appear
 * in them as words, numbers the Indonesian way; `details` keeps the codes for programs.
 */
const lowerFirst = (words: string) => words.charAt(0).toLowerCase() + words.slice(1);
const PERCENT = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });

const counted = (goals: Goal[]) => `${goals.length} sasaran, ${goals.reduce((sum, goal) => sum + goal.indicators.length, 0)} indikator`;

/** "plan approved / revision approved: OPD, year, version, goals and indicators with targets, revision reason category". */
export function planApprovedItem(event: PlanApproved | RevisionApproved): PublicItem {
  const { opdCode, year, version, goals } = event.data;
  const revision = event.type === 'RevisionApproved';
  const reasonCategory = revision ? event.data.reasonCategory : null;
  return {
    type: revision ? 'PLAN_REVISION_APPROVED' : 'PLAN_APPROVED',
    opdCode,
    year,
    title: `${opdCode} ${year}: ${revision ? 'revisi ' : ''}Perjanjian Kinerja versi ${version} disetujui`,
    summary: reasonCategory ? `Alasan revisi: ${lowerFirst(REVISION_REASON_NAMES.id[reasonCategory])}; ${counted(goals)}` : counted(goals),
    link: publicScorecardLink(opdCode, year),
    details: { version, reasonCategory, goals: publicGoals(goals) },
  };
}

/** "indicator values": the code and the figure, never the note or the evidence link. */
const publicValues = (values: RealisationValue[]) => values.map((value) => ({ indicatorCode: value.indicatorCode, value: value.value }));

/** "realisation reported / corrected: OPD, year, quarter, indicator values, correction reason". */
export function realisationItem(event: RealisationReported | RealisationCorrected): PublicItem {
  const { opdCode, year, quarter, values } = event.data;
  const corrected = event.type === 'RealisationCorrected';
  const reason = corrected ? event.data.reason : null;
  return {
    type: corrected ? 'REALISATION_CORRECTED' : 'REALISATION_REPORTED',
    opdCode,
    year,
    title: `${opdCode} ${year}: realisasi triwulan ${quarter} ${corrected ? 'dikoreksi' : 'dilaporkan'}`,
    summary: corrected ? `Alasan koreksi: ${reason}; ${values.length} indikator` : `${values.length} indikator`,
    link: publicScorecardLink(opdCode, year),
    details: { quarter, values: publicValues(values), ...(corrected ? { reason } : {}) },
  };
}

/** The figures of a published report as the public sees them: every figure, nothing about who or how it was reviewed. */
export function publicLkjipFigures(figures: LkjipFigures) {
  return {
    planVersion: figures.planVersion,
    scale: figures.scale,
    cap: figures.cap,
    achievement: figures.achievement,
    category: figures.category,
    goals: figures.goals.map((goal) => ({ code: goal.code, statement: goal.statement, achievement: goal.achievement, category: goal.category })),
    indicators: figures.indicators.map((indicator) => ({
      goalCode: indicator.goalCode,
      code: indicator.code,
      name: indicator.name,
      unit: indicator.unit,
      polarity: indicator.polarity,
      aggregation: indicator.aggregation,
      target: indicator.target,
      realisation: indicator.realisation,
      achievement: indicator.achievement,
      category: indicator.category,
    })),
  };
}

/** "LKjIP published: OPD, year, figures, sections": the figures here, the sections in the public PDF it links to. */
export function lkjipPublishedItem(opdCode: string, year: number, figures: ReturnType<typeof publicLkjipFigures>): PublicItem {
  return {
    type: 'LKJIP_PUBLISHED',
    opdCode,
    year,
    title: `${opdCode} ${year}: LKjIP diterbitkan`,
    summary:
      figures.achievement === null
        ? 'Capaian belum ada'
        : `Capaian ${PERCENT.format(figures.achievement)}%${figures.category === null ? '' : ` (${lowerFirst(categoryName('id', figures.category))})`}`,
    link: publicLkjipPdfLink(opdCode, year),
    details: { figures },
  };
}

/** "finding recorded: OPD, report number and date, title, category, amounts, number of recommendations". */
export function findingRecordedItem(event: AuditFindingRecorded): PublicItem {
  const { opdCode, reportNumber, reportDate, title, category, amountIdr, recommendations } = event.data;
  const year = findingYear({ reportDate });
  return {
    type: 'FINDING_RECORDED',
    opdCode,
    year,
    title: `${opdCode}: temuan ${reportNumber}`,
    summary: `${title}; ${recommendations.length} rekomendasi`,
    link: publicScorecardLink(opdCode, year),
    details: {
      reportNumber,
      reportDate,
      title,
      category,
      amountIdr,
      recommendations: recommendations.length,
      recommendationAmountIdr: recommendations.map((recommendation) => recommendation.amountIdr),
    },
  };
}

/** What an assessment's item needs of its finding, kept from the finding's recording. */
export interface PublicFindingContext {
  opdCode: string;
  year: number;
  title: string;
}

/** "recommendation assessed: OPD, finding title, recommendation number, new status" (never the inspector's note). */
export function recommendationAssessedItem(event: RecommendationAssessed, finding: PublicFindingContext): PublicItem {
  const { recommendationNo, status } = event.data;
  return {
    type: 'RECOMMENDATION_ASSESSED',
    opdCode: finding.opdCode,
    year: finding.year,
    title: `${finding.opdCode}: rekomendasi ${recommendationNo} dinilai ${lowerFirst(RECOMMENDATION_STATUS_NAMES.id[status])}`,
    summary: finding.title,
    link: publicScorecardLink(finding.opdCode, finding.year),
    details: { findingTitle: finding.title, recommendationNo, status },
  };
}

/**
 * docs/domain.md, Zona Integritas 10: a unit's declaration, proposal, award and revocation, with the
 * unit, its target or predikat, the decree and the days; never the team, the declaration document,
 * notes or a reason (a revocation's is the admin's free text and may name a person).
 */
export function ziItem(event: ZiDeclared | ZiProposed | ZiAwarded | ZiRevoked): PublicItem {
  const { unit, opdCode, year } = event.data;
  const base = { opdCode, year, link: publicZiLink(year) };
  switch (event.type) {
    case 'ZiDeclared':
      return {
        ...base,
        type: 'ZI_DECLARED',
        title: `${unit} ${year}: pencanangan Zona Integritas menuju ${event.data.target}`,
        summary: `Dicanangkan ${event.data.declaredOn}`,
        details: { unit, target: event.data.target, declaredOn: event.data.declaredOn },
      };
    case 'ZiProposed':
      return {
        ...base,
        type: 'ZI_PROPOSED',
        title: `${unit} ${year}: diusulkan ke Kementerian PANRB menuju ${event.data.target}`,
        summary: `Diusulkan ${event.data.on} setelah evaluasi TPI`,
        details: { unit, target: event.data.target, on: event.data.on },
      };
    case 'ZiAwarded':
      return {
        ...base,
        type: 'ZI_AWARDED',
        title: `${unit} ${year}: meraih predikat ${event.data.predikat}`,
        summary: `Keputusan ${event.data.decreeNumber} tanggal ${event.data.decreeDate}`,
        details: { unit, predikat: event.data.predikat, decreeNumber: event.data.decreeNumber, decreeDate: event.data.decreeDate },
      };
    case 'ZiRevoked':
      return {
        ...base,
        type: 'ZI_REVOKED',
        title: `${unit} ${year}: predikat Zona Integritas dicabut`,
        summary: `Dicabut ${event.data.on}`,
        details: { unit, on: event.data.on },
      };
  }
}
