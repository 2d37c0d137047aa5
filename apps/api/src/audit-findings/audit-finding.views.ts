import {
  ASSESSMENT_STATUSES,
  AssessmentStatus,
  DELAY_REASONS,
  DelayReason,
  FINDING_CATEGORIES,
  FindingCategory,
  RECOMMENDATION_STATUSES,
  RecommendationStatus,
} from '@app/domain/audit-finding';
import type * as finding from '@app/domain/audit-finding';
import { ApiProperty } from '@nestjs/swagger';

/**
 * Answer shapes, for the OpenAPI document (docs/api.md, Read shapes: Finding). Each implements
 * the domain's type it documents, so a field the domain adds or changes fails to compile here.
 */
type Recommendation = finding.RecommendationDocument;
type FollowUp = Recommendation['followUps'][number];
type Assessment = Recommendation['assessments'][number];
type DelayReasonNote = Recommendation['delayReasons'][number];
type Figures = finding.FindingFigures;
type Amounts = Figures['amountIdr'];

class FollowUpView implements FollowUp {
  @ApiProperty({ description: 'When it was recorded' }) at: string;
  @ApiProperty({ description: 'The calendar day it was recorded on, which decides overdue' }) on: string;
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true, type: String }) evidenceUrl: string | null;
  @ApiProperty({ nullable: true, type: Number }) amountSettledIdr: number | null;
}

class AssessmentView implements Assessment {
  @ApiProperty() at: string;
  @ApiProperty() on: string;
  @ApiProperty({ enum: ASSESSMENT_STATUSES }) status: AssessmentStatus;
  @ApiProperty() note: string;
}

class DelayReasonView implements DelayReasonNote {
  @ApiProperty() at: string;
  @ApiProperty() on: string;
  @ApiProperty({ enum: DELAY_REASONS }) reasonCategory: DelayReason;
  @ApiProperty() note: string;
}

class RecommendationView implements finding.RecommendationView {
  @ApiProperty() no: number;
  @ApiProperty() text: string;
  @ApiProperty({ nullable: true, type: Number }) amountIdr: number | null;
  @ApiProperty() amountSettledIdr: number;
  @ApiProperty({ enum: RECOMMENDATION_STATUSES }) status: RecommendationStatus;
  @ApiProperty() awaitingAssessment: boolean;
  @ApiProperty({ description: 'Evaluated against today when read' }) overdue: boolean;
  @ApiProperty() delayExcused: boolean;
  @ApiProperty({ type: [FollowUpView] }) followUps: FollowUpView[];
  @ApiProperty({ type: [AssessmentView] }) assessments: AssessmentView[];
  @ApiProperty({ type: [DelayReasonView] }) delayReasons: DelayReasonView[];
}

export class FindingViewDto implements finding.FindingView {
  @ApiProperty() id: string;
  @ApiProperty() opdCode: string;
  @ApiProperty() reportNumber: string;
  @ApiProperty() reportDate: string;
  @ApiProperty() receivedDate: string;
  @ApiProperty({ description: 'receivedDate + 60 days' }) dueDate: string;
  @ApiProperty() title: string;
  @ApiProperty() condition: string;
  @ApiProperty() criteria: string;
  @ApiProperty() cause: string;
  @ApiProperty() effect: string;
  @ApiProperty({ enum: FINDING_CATEGORIES }) category: FindingCategory;
  @ApiProperty({ nullable: true, type: Number }) amountIdr: number | null;
  @ApiProperty({ description: 'Every recommendation is final' }) closed: boolean;
  @ApiProperty({ description: 'Some recommendation is overdue today' }) overdue: boolean;
  @ApiProperty() revision: number;
  @ApiProperty({ type: [RecommendationView] }) recommendations: RecommendationView[];
}

export class FindingPageView {
  @ApiProperty({ type: [FindingViewDto] }) items: FindingViewDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

class AmountsView implements Amounts {
  @ApiProperty() total: number;
  @ApiProperty() settled: number;
  @ApiProperty() outstanding: number;
}

class OpdFiguresView implements Figures {
  @ApiProperty() opdCode: string;
  @ApiProperty() recommendations: number;
  @ApiProperty({ example: { SESUAI: 1, BELUM_SESUAI: 0, BELUM_DITINDAKLANJUTI: 1, TIDAK_DAPAT_DITINDAKLANJUTI: 1 } }) byStatus: Record<string, number>;
  @ApiProperty() overdue: number;
  @ApiProperty({ description: 'SESUAI / all recommendations × 100, 2 decimals' }) followUpRate: number;
  @ApiProperty({ type: AmountsView }) amountIdr: AmountsView;
}

export class FindingSummaryView {
  @ApiProperty({ nullable: true, type: Number }) year: number | null;
  @ApiProperty({ type: [OpdFiguresView] }) items: OpdFiguresView[];
}
