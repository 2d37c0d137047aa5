import { REVISION_REASONS, RevisionReason } from '@app/domain/plan';
import type * as plan from '@app/domain/plan';
import { ApiProperty, OmitType } from '@nestjs/swagger';
import { GoalView, IndicatorView, QuarterView } from './plan.views';

/**
 * The public plan's shape (docs/api.md, Public): the signed-in plan's figures without notes,
 * evidence or reasons. Which fields leave is decided by the domain's allow-list (publicPlanOf);
 * this only documents them.
 */
class PublicQuarterView extends OmitType(QuarterView, ['evidenceUrl', 'note'] as const) {}

class PublicIndicatorView extends OmitType(IndicatorView, ['quarters'] as const) implements plan.PublicIndicator {
  @ApiProperty({ type: [PublicQuarterView], description: 'Reported quarters only' }) quarters: PublicQuarterView[];
}

class PublicGoalView extends OmitType(GoalView, ['indicators'] as const) implements plan.PublicGoal {
  @ApiProperty({ type: [PublicIndicatorView] }) indicators: PublicIndicatorView[];
}

type PublicVersion = plan.PublicPlan['versions'][number];

class PublicVersionView implements PublicVersion {
  @ApiProperty() version: number;
  @ApiProperty() approvedOn: string;
  @ApiProperty({ nullable: true, enum: REVISION_REASONS, description: 'null for the first version; never the free-text reason' })
  reasonCategory: RevisionReason | null;
}

export class PublicPlanView implements plan.PublicPlan {
  @ApiProperty() opdCode: string;
  @ApiProperty() year: number;
  @ApiProperty() effectiveVersion: number;
  @ApiProperty({ nullable: true, type: Number }) achievement: number | null;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty() scale: string;
  @ApiProperty({ type: [PublicGoalView], description: 'The effective (latest approved) version' }) goals: PublicGoalView[];
  @ApiProperty({ type: [PublicVersionView], description: 'Every approved version, oldest first' }) versions: PublicVersionView[];
}
