import { Scorecard } from '@app/domain/dashboard';
import { MUTU_BANDS, Mutu } from '@app/domain/survey';
import { ScorecardParticipation as Participation } from './scorecard-participation.query';
import { ScorecardZiUnit } from './scorecard-zi.query';
import { ZI_STAGES, ZI_TARGETS, ZiStage, ZiTarget } from '@app/domain/zi';
import { LkjipStatus } from '@app/domain/lkjip';
import { PlanStatus } from '@app/domain/plan';
import { ApiProperty } from '@nestjs/swagger';
import { RECOMMENDATION_STATUSES_IN_ORDER } from './scorecard-enums';

type PlanFigures = Scorecard['plan'];
type SkpFigures = Scorecard['skp'];
type LkjipFigures = Scorecard['lkjip'];
type FindingFigures = Scorecard['findings'];
type Amounts = FindingFigures['amountIdr'];
type GratificationParticipation = Participation['gratification'];
type ServiceSurveysParticipation = Participation['serviceSurveys'];
type ComplaintsParticipation = Participation['complaints'];

/**
 * docs/api.md, Dashboards: the scorecard (signed-in and public alike: it holds no personal data). Each
 * class implements the part of the domain's Scorecard it documents, so a drift fails to compile.
 */
class PlanFiguresView implements PlanFigures {
  @ApiProperty({ nullable: true, type: String, description: 'null when the unit has no plan for the year' }) status: PlanStatus | null;
  @ApiProperty({ nullable: true, type: Number }) effectiveVersion: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The unit’s capped average, as the plan shows it' }) achievement: number | null;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
}

class SkpFiguresView implements SkpFigures {
  @ApiProperty({ description: 'SKPs drafted in the unit for the year' }) total: number;
  @ApiProperty({ description: 'Of them, AGREED' }) agreed: number;
  @ApiProperty({ nullable: true, type: Number, description: 'agreed / total × 100, 2 decimals; null without SKPs' }) coverage: number | null;
  @ApiProperty({ example: { SANGAT_BAIK: 1, BAIK: 1, BUTUH_PERBAIKAN: 0, KURANG: 0, SANGAT_KURANG: 0 }, description: 'ANNUAL ratings only' })
  predikat: Record<string, number>;
}

class LkjipFiguresView implements LkjipFigures {
  @ApiProperty({ nullable: true, type: String, description: 'null when no report was compiled' }) status: LkjipStatus | null;
  @ApiProperty({ description: 'Not submitted by the due date, judged today' }) late: boolean;
  @ApiProperty({ description: 'LKJIP_DUE of the next year' }) dueDate: string;
}

class AmountsView implements Amounts {
  @ApiProperty() total: number;
  @ApiProperty() settled: number;
  @ApiProperty() outstanding: number;
}

class FindingFiguresView implements FindingFigures {
  @ApiProperty() recommendations: number;
  @ApiProperty({ example: Object.fromEntries(RECOMMENDATION_STATUSES_IN_ORDER.map((status) => [status, 0])) }) byStatus: Record<string, number>;
  @ApiProperty({ description: 'Judged today' }) overdue: number;
  @ApiProperty() followUpRate: number;
  @ApiProperty({ type: AmountsView }) amountIdr: AmountsView;
}

class ScorecardGratificationView implements GratificationParticipation {
  @ApiProperty({ description: 'Gifts reported by the unit’s staff, received in the year' }) reports: number;
  @ApiProperty({ description: 'Of them, reported within 10 working days of receipt' }) reportedOnTime: number;
  @ApiProperty({ nullable: true, type: Number, description: 'reportedOnTime / reports × 100, 2 decimals; null without reports' })
  reportedOnTimePercent: number | null;
}

class ScorecardComplaintsView implements ComplaintsParticipation {
  @ApiProperty({ description: 'Complaints concerning the unit, filed in the year' }) received: number;
  @ApiProperty({ description: 'Of them, verified for the unit' }) verified: number;
  @ApiProperty({ description: 'Verified complaints whose first response came, or is overdue today' }) responsesDue: number;
  @ApiProperty({ description: 'First responses made by their deadline' }) respondedOnTime: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Of the responses made or overdue, on time, in percent; null without any' })
  respondedOnTimePercent: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Median working days from verification to the first response' })
  medianWorkingDaysToResponse: number | null;
}

class ScorecardServiceSurveysView implements ServiceSurveysParticipation {
  @ApiProperty({ description: 'SKM surveys of the year that are closed' }) closed: number;
  @ApiProperty({ nullable: true, type: Number, description: 'The latest closed SKM’s IKM (by quarter); null without one' }) ikm: number | null;
  @ApiProperty({ nullable: true, enum: MUTU_BANDS.map((band) => band.mutu) }) mutu: Mutu | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The quarter of that survey' }) quarter: number | null;
}

class ScorecardParticipationView implements Participation {
  @ApiProperty({ type: ScorecardGratificationView }) gratification: ScorecardGratificationView;
  @ApiProperty({ type: ScorecardComplaintsView }) complaints: ScorecardComplaintsView;
  @ApiProperty({ type: ScorecardServiceSurveysView }) serviceSurveys: ScorecardServiceSurveysView;
}

export class ScorecardView implements Scorecard {
  @ApiProperty() opdCode: string;
  @ApiProperty() year: number;
  @ApiProperty({ type: PlanFiguresView }) plan: PlanFiguresView;
  @ApiProperty({ type: SkpFiguresView }) skp: SkpFiguresView;
  @ApiProperty({ type: LkjipFiguresView }) lkjip: LkjipFiguresView;
  @ApiProperty({ type: FindingFiguresView, description: 'Findings whose audit report is of this year' }) findings: FindingFiguresView;
}

/** A unit's scorecard as its own endpoints answer it (the regency ranking leaves the participation figures out). */
class ScorecardZiMeetsView {
  @ApiProperty() WBK: boolean;
  @ApiProperty() WBBM: boolean;
}

class ScorecardZiUnitView implements ScorecardZiUnit {
  @ApiProperty({ example: 'DINKES.PKM-STABAT' }) unit: string;
  @ApiProperty({ enum: ZI_TARGETS }) target: ZiTarget;
  @ApiProperty({ enum: ZI_STAGES }) stage: ZiStage;
  @ApiProperty({ nullable: true, type: Number, description: 'The TPI’s total once evaluated' }) tpiTotal: number | null;
  @ApiProperty({ nullable: true, type: ScorecardZiMeetsView }) meets: ScorecardZiMeetsView | null;
  @ApiProperty({ nullable: true, enum: ZI_TARGETS, description: 'The predikat awarded, while not revoked' }) predikat: ZiTarget | null;
}

export class UnitScorecardView extends ScorecardView {
  @ApiProperty({ type: [ScorecardZiUnitView], description: 'The unit’s Zona Integritas records of the year, as the public record shows them' })
  zi: ScorecardZiUnitView[];
  @ApiProperty({ type: ScorecardParticipationView, description: 'Gratification reports, complaints and service surveys: counts and indices only' })
  participation: ScorecardParticipationView;
}

export class RegencyView {
  @ApiProperty() year: number;
  @ApiProperty({ type: [ScorecardView], description: 'Highest plan achievement first, units without one last, ties by code' }) items: ScorecardView[];
}
