import { ASSESSMENT_STATUSES, DELAY_REASONS, FINDING_CATEGORIES, RECOMMENDATION_STATUSES } from '@app/domain/audit-finding';
import { ApiProperty } from '@nestjs/swagger';

/** Answer shapes, for the OpenAPI document (docs/api.md, Read shapes: Finding). */
class FollowUpView {
  @ApiProperty({ description: 'When it was recorded' }) at: string;
  @ApiProperty({ description: 'The calendar day it was recorded on, which decides overdue' }) on: string;
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true, type: String }) evidenceUrl: string | null;
  @ApiProperty({ nullable: true, type: Number }) amountSettledIdr: number | null;
}

class AssessmentView {
  @ApiProperty() at: string;
  @ApiProperty() on: string;
  @ApiProperty({ enum: ASSESSMENT_STATUSES }) status: string;
  @ApiProperty() note: string;
}

class DelayReasonView {
  @ApiProperty() at: string;
  @ApiProperty() on: string;
  @ApiProperty({ enum: DELAY_REASONS }) reasonCategory: string;
  @ApiProperty() note: string;
}

class RecommendationView {
  @ApiProperty() no: number;
  @ApiProperty() text: string;
  @ApiProperty({ nullable: true, type: Number }) amountIdr: number | null;
  @ApiProperty() amountSettledIdr: number;
  @ApiProperty({ enum: RECOMMENDATION_STATUSES }) status: string;
  @ApiProperty() awaitingAssessment: boolean;
  @ApiProperty({ description: 'Evaluated against today when read' }) overdue: boolean;
  @ApiProperty() delayExcused: boolean;
  @ApiProperty({ type: [FollowUpView] }) followUps: FollowUpView[];
  @ApiProperty({ type: [AssessmentView] }) assessments: AssessmentView[];
  @ApiProperty({ type: [DelayReasonView] }) delayReasons: DelayReasonView[];
}

export class FindingViewDto {
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
  @ApiProperty({ enum: FINDING_CATEGORIES }) category: string;
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

class AmountsView {
  @ApiProperty() total: number;
  @ApiProperty() settled: number;
  @ApiProperty() outstanding: number;
}

class OpdFiguresView {
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
