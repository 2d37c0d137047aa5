import {
  AGGREGATIONS,
  Aggregation,
  FlagCode,
  PLAN_FLAG_CODES,
  PLAN_STATUSES,
  PlanStatus,
  POLARITIES,
  Polarity,
  Quarter,
  REVISION_REASONS,
  RevisionReason,
} from '@app/domain/plan';
import type * as plan from '@app/domain/plan';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * Answer shapes, for the OpenAPI document (docs/api.md, Read shapes: Plan). Each implements the
 * domain's type it documents, so a field the domain adds or changes fails to compile here.
 */
export class QuarterView implements plan.QuarterView {
  @ApiProperty({ minimum: 1, maximum: 4 }) quarter: Quarter;
  @ApiProperty() value: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Against the quarterly target, when there is one' }) achievement: number | null;
  @ApiProperty() corrected: boolean;
  @ApiProperty({ nullable: true, type: String }) evidenceUrl: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

export class IndicatorView implements plan.IndicatorView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() unit: string;
  @ApiProperty({ enum: POLARITIES }) polarity: Polarity;
  @ApiProperty({ enum: AGGREGATIONS }) aggregation: Aggregation;
  @ApiProperty() annualTarget: number;
  @ApiProperty({ nullable: true, type: [Number] }) quarterlyTargets: [number, number, number, number] | null;
  @ApiProperty({ nullable: true, type: Number }) realisation: number | null;
  @ApiProperty({ nullable: true, type: Number }) achievement: number | null;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty({ type: [QuarterView] }) quarters: QuarterView[];
}

export class GoalView implements plan.GoalView {
  @ApiProperty() code: string;
  @ApiProperty() statement: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Capped average of its indicators' }) achievement: number | null;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty({ type: [IndicatorView] }) indicators: IndicatorView[];
}

class FlagView implements plan.PlanFlag {
  @ApiProperty({ enum: PLAN_FLAG_CODES }) code: FlagCode;
  @ApiProperty() at: string;
  @ApiPropertyOptional() quarter?: Quarter;
  @ApiPropertyOptional() indicatorCode?: string;
  @ApiPropertyOptional() version?: number;
}

/** An indicator as agreed: what a version or a pending revision holds, without figures. */
class IndicatorContentView implements plan.Indicator {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() unit: string;
  @ApiProperty({ enum: POLARITIES }) polarity: Polarity;
  @ApiProperty({ enum: AGGREGATIONS }) aggregation: Aggregation;
  @ApiProperty() annualTarget: number;
  @ApiProperty({ nullable: true, type: [Number] }) quarterlyTargets: [number, number, number, number] | null;
}

class GoalContentView implements plan.Goal {
  @ApiProperty() code: string;
  @ApiProperty() statement: string;
  @ApiProperty({ type: [IndicatorContentView] }) indicators: IndicatorContentView[];
}

class PendingRevisionView implements NonNullable<plan.PlanDocument['pendingRevision']> {
  @ApiProperty({ enum: REVISION_REASONS }) reasonCategory: RevisionReason;
  @ApiProperty() reason: string;
  @ApiProperty({ type: [GoalContentView] }) goals: GoalContentView[];
  @ApiProperty() startedAt: string;
}

type PlanReturn = plan.PlanDocument['returns'][number];

class ReturnView implements PlanReturn {
  @ApiProperty() at: string;
  @ApiProperty() reason: string;
  @ApiProperty({ description: 'A returned revision (true) or a returned first draft (false)' }) revision: boolean;
}

class VersionView implements plan.PlanVersion {
  @ApiProperty() version: number;
  @ApiProperty() approvedAt: string;
  @ApiProperty() approvedOn: string;
  @ApiProperty({ nullable: true, enum: REVISION_REASONS }) reasonCategory: RevisionReason | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ type: [GoalContentView], description: 'The goals of that version, as approved' }) goals: GoalContentView[];
}

export class PlanViewDto implements plan.PlanView {
  @ApiProperty() opdCode: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: PLAN_STATUSES }) status: PlanStatus;
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
