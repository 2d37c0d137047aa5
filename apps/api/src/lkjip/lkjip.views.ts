import { LKJIP_STATUSES, LkjipStatus, LkjipView, REVIEW_OUTCOMES, ReviewOutcome } from '@app/domain/lkjip';
import type * as lkjip from '@app/domain/lkjip';
import { AGGREGATIONS, Aggregation, POLARITIES, Polarity } from '@app/domain/plan';
import { ApiProperty } from '@nestjs/swagger';

/**
 * Answer shapes, for the OpenAPI document (docs/api.md, LKjIP). Each implements the type it
 * documents, so a field the domain adds or changes fails to compile here.
 */
class IndicatorFiguresView implements lkjip.IndicatorFigures {
  @ApiProperty() goalCode: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Unit of measure (satuan)' }) unit: string;
  @ApiProperty({ enum: POLARITIES }) polarity: Polarity;
  @ApiProperty({ enum: AGGREGATIONS }) aggregation: Aggregation;
  @ApiProperty({ description: 'Annual target of the plan version reported on' }) target: number;
  @ApiProperty({ nullable: true, type: Number }) realisation: number | null;
  @ApiProperty({ nullable: true, type: Number }) achievement: number | null;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
}

class GoalFiguresView implements lkjip.GoalFigures {
  @ApiProperty() code: string;
  @ApiProperty() statement: string;
  @ApiProperty({ nullable: true, type: Number }) achievement: number | null;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
}

class FigureSourceView implements lkjip.FigureSource {
  @ApiProperty() planVersion: number;
  @ApiProperty({ description: "The plan stream's revision after the last event read" }) planRevision: number;
  @ApiProperty({ description: "Log position of the plan's last event read" }) fromPosition: string;
}

class RecompilationView extends FigureSourceView {
  @ApiProperty() at: string;
}

class FiguresView extends FigureSourceView implements lkjip.LkjipFigures {
  @ApiProperty() scale: string;
  @ApiProperty() cap: number;
  @ApiProperty({ nullable: true, type: Number }) achievement: number | null;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty({ type: [GoalFiguresView] }) goals: GoalFiguresView[];
  @ApiProperty({ type: [IndicatorFiguresView] }) indicators: IndicatorFiguresView[];
}

type Section = lkjip.LkjipDocument['sections'][lkjip.SectionKey];
type Submission = lkjip.LkjipDocument['submissions'][number];

class SectionView implements Section {
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Empty until written' }) text: string;
  @ApiProperty({ nullable: true, type: String }) updatedAt: string | null;
}

class SectionsView implements Record<lkjip.SectionKey, Section> {
  @ApiProperty({ type: SectionView }) summary: SectionView;
  @ApiProperty({ type: SectionView }) introduction: SectionView;
  @ApiProperty({ type: SectionView }) planning: SectionView;
  @ApiProperty({ type: SectionView }) accountability: SectionView;
  @ApiProperty({ type: SectionView }) closing: SectionView;
}

class SubmissionView implements Submission {
  @ApiProperty() at: string;
  @ApiProperty() on: string;
}

class ReviewView implements lkjip.LkjipReview {
  @ApiProperty({ enum: REVIEW_OUTCOMES }) outcome: ReviewOutcome;
  @ApiProperty({ description: 'The inspectorate’s; never on the public side' }) notes: string;
  @ApiProperty() at: string;
  @ApiProperty() on: string;
}

class ComparedValuesView {
  @ApiProperty() target: number;
  @ApiProperty({ nullable: true, type: Number }) realisation: number | null;
  @ApiProperty({ nullable: true, type: Number }) achievement: number | null;
}

class FigureDifferenceView implements lkjip.FigureDifference {
  @ApiProperty() code: string;
  @ApiProperty() goalCode: string;
  @ApiProperty({ nullable: true, type: ComparedValuesView, description: 'Null: new to the plan since' }) compiled: ComparedValuesView | null;
  @ApiProperty({ nullable: true, type: ComparedValuesView, description: 'Null: dropped from the plan since' }) current: ComparedValuesView | null;
}

export class LkjipViewDto implements LkjipView {
  @ApiProperty() opdCode: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: LKJIP_STATUSES }) status: LkjipStatus;
  @ApiProperty() revision: number;
  @ApiProperty({ type: FiguresView, description: 'Frozen at the latest compile or recompile' }) figures: FiguresView;
  @ApiProperty() compiledAt: string;
  @ApiProperty({ type: FigureSourceView }) compiledFrom: FigureSourceView;
  @ApiProperty({ type: [RecompilationView] }) recompilations: RecompilationView[];
  @ApiProperty({ type: SectionsView }) sections: SectionsView;
  @ApiProperty({ type: [SubmissionView] }) submissions: SubmissionView[];
  @ApiProperty({ nullable: true, type: ReviewView, description: 'The latest review' }) review: ReviewView | null;
  @ApiProperty({ type: [ReviewView] }) reviews: ReviewView[];
  @ApiProperty({ nullable: true, type: String }) publishedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) publishedOn: string | null;
  @ApiProperty({ description: 'LKJIP_DUE of the next year' }) dueDate: string;
  @ApiProperty({ description: 'Not submitted by the due date (the first submission decides)' }) late: boolean;
  @ApiProperty({ nullable: true, type: Number, description: "The plan's effective version now" }) currentPlanVersion: number | null;
  @ApiProperty({ type: [FigureDifferenceView], description: 'Indicators whose figures moved in the plan since the report was compiled' })
  differences: FigureDifferenceView[];
  @ApiProperty({ description: 'The plan moved on and the report can still be recompiled (DRAFT or RETURNED)' }) recompileDue: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
