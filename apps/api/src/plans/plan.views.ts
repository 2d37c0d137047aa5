import { AGGREGATIONS, PLAN_FLAG_CODES, PLAN_STATUSES, POLARITIES, REVISION_REASONS } from '@app/domain/plan';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Answer shapes, for the OpenAPI document (docs/api.md, Read shapes: Plan). */
export class QuarterView {
  @ApiProperty({ minimum: 1, maximum: 4 }) quarter: number;
  @ApiProperty() value: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Against the quarterly target, when there is one' }) achievement: number | null;
  @ApiProperty() corrected: boolean;
  @ApiProperty({ nullable: true, type: String }) evidenceUrl: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

export class IndicatorView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() unit: string;
  @ApiProperty({ enum: POLARITIES }) polarity: string;
  @ApiProperty({ enum: AGGREGATIONS }) aggregation: string;
  @ApiProperty() annualTarget: number;
  @ApiProperty({ nullable: true, type: [Number] }) quarterlyTargets: number[] | null;
  @ApiProperty({ nullable: true, type: Number }) realisation: number | null;
  @ApiProperty({ nullable: true, type: Number }) achievement: number | null;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty({ type: [QuarterView] }) quarters: QuarterView[];
}

export class GoalView {
  @ApiProperty() code: string;
  @ApiProperty() statement: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Capped average of its indicators' }) achievement: number | null;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty({ type: [IndicatorView] }) indicators: IndicatorView[];
}

class FlagView {
  @ApiProperty({ enum: PLAN_FLAG_CODES }) code: string;
  @ApiProperty() at: string;
  @ApiPropertyOptional() quarter?: number;
  @ApiPropertyOptional() indicatorCode?: string;
  @ApiPropertyOptional() version?: number;
}

/** An indicator as agreed: what a version or a pending revision holds, without figures. */
class IndicatorContentView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() unit: string;
  @ApiProperty({ enum: POLARITIES }) polarity: string;
  @ApiProperty({ enum: AGGREGATIONS }) aggregation: string;
  @ApiProperty() annualTarget: number;
  @ApiProperty({ nullable: true, type: [Number] }) quarterlyTargets: number[] | null;
}

class GoalContentView {
  @ApiProperty() code: string;
  @ApiProperty() statement: string;
  @ApiProperty({ type: [IndicatorContentView] }) indicators: IndicatorContentView[];
}

class PendingRevisionView {
  @ApiProperty({ enum: REVISION_REASONS }) reasonCategory: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: [GoalContentView] }) goals: GoalContentView[];
  @ApiProperty() startedAt: string;
}

class ReturnView {
  @ApiProperty() at: string;
  @ApiProperty() reason: string;
  @ApiProperty({ description: 'A returned revision (true) or a returned first draft (false)' }) revision: boolean;
}

class VersionView {
  @ApiProperty() version: number;
  @ApiProperty() approvedAt: string;
  @ApiProperty() approvedOn: string;
  @ApiProperty({ nullable: true, enum: REVISION_REASONS }) reasonCategory: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ type: [GoalContentView], description: 'The goals of that version, as approved' }) goals: GoalContentView[];
}

export class PlanViewDto {
  @ApiProperty() opdCode: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: PLAN_STATUSES }) status: string;
  @ApiProperty() revision: number;
  @ApiProperty({ nullable: true, type: Number }) effectiveVersion: number | null;
  @ApiProperty({ nullable: true, type: Number }) achievement: number | null;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty({ description: 'The category scale used' }) scale: string;
  @ApiProperty({ type: [GoalView], description: 'The effective version (the draft before the first approval)' }) goals: GoalView[];
  @ApiProperty({ nullable: true, type: PendingRevisionView }) pendingRevision: PendingRevisionView | null;
  @ApiProperty({ type: [FlagView] }) flags: FlagView[];
  @ApiProperty({ type: [VersionView] }) versions: VersionView[];
  @ApiProperty({ type: [ReturnView] }) returns: ReturnView[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class PlanPageView {
  @ApiProperty({ type: [PlanViewDto] }) items: PlanViewDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
