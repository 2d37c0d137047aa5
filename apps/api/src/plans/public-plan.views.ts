import { AGGREGATIONS, POLARITIES, REVISION_REASONS } from '@app/domain/plan';
import { ApiProperty } from '@nestjs/swagger';

/** The public plan's shape (docs/api.md, Public): figures only, no notes, evidence or reasons. */
class PublicQuarterView {
  @ApiProperty({ minimum: 1, maximum: 4 }) quarter: number;
  @ApiProperty({ description: 'The realisation reported for the quarter (its latest correction)' }) value: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Against the quarterly target, when there is one' }) achievement: number | null;
  @ApiProperty() corrected: boolean;
}

class PublicIndicatorView {
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
  @ApiProperty({ type: [PublicQuarterView], description: 'Reported quarters only' }) quarters: PublicQuarterView[];
}

class PublicGoalView {
  @ApiProperty() code: string;
  @ApiProperty() statement: string;
  @ApiProperty({ nullable: true, type: Number }) achievement: number | null;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty({ type: [PublicIndicatorView] }) indicators: PublicIndicatorView[];
}

class PublicVersionView {
  @ApiProperty() version: number;
  @ApiProperty() approvedOn: string;
  @ApiProperty({ nullable: true, enum: REVISION_REASONS, description: 'null for the first version; never the free-text reason' }) reasonCategory: string | null;
}

export class PublicPlanView {
  @ApiProperty() opdCode: string;
  @ApiProperty() year: number;
  @ApiProperty() effectiveVersion: number;
  @ApiProperty({ nullable: true, type: Number }) achievement: number | null;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty() scale: string;
  @ApiProperty({ type: [PublicGoalView], description: 'The effective (latest approved) version' }) goals: PublicGoalView[];
  @ApiProperty({ type: [PublicVersionView], description: 'Every approved version, oldest first' }) versions: PublicVersionView[];
}
