import { POLARITIES } from '@app/domain/plan';
import { BERAKHLAK_VALUES, CASCADE_KINDS, PREDIKATS, RATINGS, SKP_FLAG_CODES, SKP_PERIODS, SKP_QUARTERS, SKP_STATUSES } from '@app/domain/skp';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { fieldPerValue } from '../http/field-per-value';
import { WriteResultView } from '../http/write-result';

/** Answer shapes, for the OpenAPI document (docs/api.md, SKP). */
class CascadeSourceView {
  @ApiProperty({ enum: CASCADE_KINDS }) kind: string;
  @ApiPropertyOptional() opdCode?: string;
  @ApiPropertyOptional() year?: number;
  @ApiPropertyOptional() indicatorCode?: string;
  @ApiPropertyOptional() nip?: string;
  @ApiPropertyOptional() resultCode?: string;
}

class SkpIndicatorView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() unit: string;
  @ApiProperty({ enum: POLARITIES }) polarity: string;
  @ApiProperty() target: number;
}

class SkpResultView {
  @ApiProperty() code: string;
  @ApiProperty() statement: string;
  @ApiProperty({ type: CascadeSourceView }) cascadedFrom: CascadeSourceView;
  @ApiProperty({ type: [SkpIndicatorView] }) indicators: SkpIndicatorView[];
}

class RealisationValueView {
  @ApiProperty() indicatorCode: string;
  @ApiProperty() value: number;
  @ApiProperty({ nullable: true, type: String }) evidenceUrl: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

class SkpRealisationView {
  @ApiProperty({ enum: SKP_QUARTERS }) period: string;
  @ApiProperty() reportedAt: string;
  @ApiProperty() reportedOn: string;
  @ApiProperty({ type: [RealisationValueView] }) values: RealisationValueView[];
}

class BehaviourNotesView {}
fieldPerValue(BehaviourNotesView, BERAKHLAK_VALUES, ApiPropertyOptional({ type: String }));

export class SkpEvaluationView {
  @ApiProperty({ enum: SKP_PERIODS }) period: string;
  @ApiProperty({ enum: RATINGS }) resultRating: string;
  @ApiProperty({ enum: RATINGS }) behaviourRating: string;
  @ApiProperty({ enum: PREDIKATS }) predikat: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ type: BehaviourNotesView }) behaviourNotes: BehaviourNotesView;
  @ApiProperty({ description: 'The calendar day it was given' }) on: string;
  @ApiProperty({ description: 'When it was recorded' }) at: string;
  @ApiProperty({ nullable: true, type: String, description: 'Why a period was rated again; null for its first rating' }) reason: string | null;
}

class PeriodEvaluationView {
  @ApiProperty({ enum: SKP_PERIODS }) period: string;
  @ApiProperty({ type: SkpEvaluationView, description: 'The rating in force' }) current: SkpEvaluationView;
  @ApiProperty({ type: [SkpEvaluationView], description: 'Every rating of the period, the first one first' }) history: SkpEvaluationView[];
}

class SkpReturnView {
  @ApiProperty() at: string;
  @ApiProperty() reason: string;
}

class SkpFlagView {
  @ApiProperty({ enum: SKP_FLAG_CODES }) code: string;
  @ApiProperty() resultCode: string;
  @ApiProperty() opdCode: string;
  @ApiProperty() year: number;
  @ApiProperty() indicatorCode: string;
}

export class SkpViewDto {
  @ApiProperty() nip: string;
  @ApiProperty() year: number;
  @ApiProperty() name: string;
  @ApiProperty() position: string;
  @ApiProperty() opdCode: string;
  @ApiProperty() appraiserNip: string;
  @ApiProperty({ enum: SKP_STATUSES }) status: string;
  @ApiProperty() revision: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ type: [SkpResultView], description: 'As agreed once agreed; the draft before' }) results: SkpResultView[];
  @ApiProperty({ nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) agreedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) agreedOn: string | null;
  @ApiProperty({ type: [SkpReturnView] }) returns: SkpReturnView[];
  @ApiProperty({ type: [SkpRealisationView] }) realisations: SkpRealisationView[];
  @ApiProperty({ type: [PeriodEvaluationView] }) evaluations: PeriodEvaluationView[];
  @ApiProperty({ nullable: true, type: SkpEvaluationView, description: 'The rating recorded last, of any period' }) latestEvaluation: SkpEvaluationView | null;
  @ApiProperty({ nullable: true, enum: PREDIKATS, description: 'The ANNUAL rating once given, else the latest quarter’s' }) predikat: string | null;
  @ApiProperty({ description: 'Submitted, waiting for the appraiser to agree or return it' }) awaitingAgreement: boolean;
  @ApiProperty({ enum: SKP_PERIODS, isArray: true, description: 'Reported quarters not rated yet, and ANNUAL once Q4 is reported' })
  awaitingEvaluation: string[];
  @ApiProperty({ type: [SkpFlagView] }) flags: SkpFlagView[];
}

export class SkpPageView {
  @ApiProperty({ type: [SkpViewDto] }) items: SkpViewDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class SkpEvaluationResultView extends WriteResultView {
  @ApiProperty({ enum: PREDIKATS, description: 'The predikat the two ratings make' }) predikat: string;
}

export class CascadeNodeView {
  @ApiProperty() nip: string;
  @ApiProperty() year: number;
  @ApiProperty() name: string;
  @ApiProperty() position: string;
  @ApiProperty() opdCode: string;
  @ApiProperty({ enum: SKP_STATUSES }) status: string;
  @ApiProperty({ description: 'The result that serves the parent' }) resultCode: string;
  @ApiProperty() statement: string;
  @ApiProperty({ nullable: true, enum: PREDIKATS }) predikat: string | null;
  @ApiProperty({ nullable: true, type: SkpEvaluationView }) latestEvaluation: SkpEvaluationView | null;
  @ApiProperty({ type: () => [CascadeNodeView], description: 'Results of other SKPs cascaded from this one' }) children: CascadeNodeView[];
}

export class CascadeTreeView {
  @ApiProperty() opdCode: string;
  @ApiProperty() year: number;
  @ApiProperty() indicatorCode: string;
  @ApiProperty({ type: [CascadeNodeView], description: 'The results cascaded straight from the indicator' }) items: CascadeNodeView[];
}
