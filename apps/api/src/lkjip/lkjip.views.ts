import { LKJIP_STATUSES, REVIEW_OUTCOMES } from '@app/domain/lkjip';
import { AGGREGATIONS, POLARITIES } from '@app/domain/plan';
import { ApiProperty } from '@nestjs/swagger';

/** Answer shapes, for the OpenAPI document (docs/api.md, LKjIP). */
class IndicatorFiguresView {
  @ApiProperty() goalCode: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Unit of measure (satuan)' }) unit: string;
  @ApiProperty({ enum: POLARITIES }) polarity: string;
  @ApiProperty({ enum: AGGREGATIONS }) aggregation: string;
  @ApiProperty({ description: 'Annual target of the plan version reported on' }) target: number;
  @ApiProperty({ nullable: true, type: Number }) realisation: number | null;
  @ApiProperty({ nullable: true, type: Number }) achievement: number | null;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
}

class GoalFiguresView {
  @ApiProperty() code: string;
  @ApiProperty() statement: string;
  @ApiProperty({ nullable: true, type: Number }) achievement: number | null;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
}

class FigureSourceView {
  @ApiProperty() planVersion: number;
  @ApiProperty({ description: "The plan stream's revision after the last event read" }) planRevision: number;
  @ApiProperty({ description: "Log position of the plan's last event read" }) fromPosition: string;
}

class RecompilationView extends FigureSourceView {
  @ApiProperty() at: string;
}

class FiguresView extends FigureSourceView {
  @ApiProperty() scale: string;
  @ApiProperty() cap: number;
  @ApiProperty({ nullable: true, type: Number }) achievement: number | null;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty({ type: [GoalFiguresView] }) goals: GoalFiguresView[];
  @ApiProperty({ type: [IndicatorFiguresView] }) indicators: IndicatorFiguresView[];
}

class SectionView {
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Empty until written' }) text: string;
  @ApiProperty({ nullable: true, type: String }) updatedAt: string | null;
}

class SectionsView {
  @ApiProperty({ type: SectionView }) summary: SectionView;
  @ApiProperty({ type: SectionView }) introduction: SectionView;
  @ApiProperty({ type: SectionView }) planning: SectionView;
  @ApiProperty({ type: SectionView }) accountability: SectionView;
  @ApiProperty({ type: SectionView }) closing: SectionView;
}

class SubmissionView {
  @ApiProperty() at: string;
  @ApiProperty() on: string;
}

class ReviewView {
  @ApiProperty({ enum: REVIEW_OUTCOMES }) outcome: string;
  @ApiProperty({ description: 'The inspectorate’s; never on the public side' }) notes: string;
  @ApiProperty() at: string;
  @ApiProperty() on: string;
}

class ComparedValuesView {
  @ApiProperty() target: number;
  @ApiProperty({ nullable: true, type: Number }) realisation: number | null;
  @ApiProperty({ nullable: true, type: Number }) achievement: number | null;
}

class FigureDifferenceView {
  @ApiProperty() code: string;
  @ApiProperty() goalCode: string;
  @ApiProperty({ nullable: true, type: ComparedValuesView, description: 'Null: new to the plan since' }) compiled: ComparedValuesView | null;
  @ApiProperty({ nullable: true, type: ComparedValuesView, description: 'Null: dropped from the plan since' }) current: ComparedValuesView | null;
}

export class LkjipViewDto {
  @ApiProperty() opdCode: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: LKJIP_STATUSES }) status: string;
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
