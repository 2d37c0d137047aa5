import { POLARITIES, Polarity, RealisationValue } from '@app/domain/plan';
import {
  BERAKHLAK_VALUES,
  CASCADE_KINDS,
  PREDIKATS,
  RATINGS,
  SKP_FLAG_CODES,
  SKP_PERIODS,
  SKP_QUARTERS,
  SKP_STATUSES,
  BehaviourNotes,
  CascadeSource,
  Predikat,
  Rating,
  SkpFlag,
  SkpPeriod,
  SkpQuarter,
  SkpStatus,
} from '@app/domain/skp';
import type * as skp from '@app/domain/skp';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { fieldPerValue } from '../http/field-per-value';
import { WriteResultView } from '../http/write-result';
import { CascadeNode } from './cascade-tree.query';

/**
 * Answer shapes, for the OpenAPI document (docs/api.md, SKP). Each implements the domain's type
 * it documents, so a field the domain adds or changes fails to compile here. A link is one
 * shape with both kinds' fields: a class cannot implement the domain's union, so the fields
 * that hold one are typed by the union itself.
 */
class CascadeSourceView {
  @ApiProperty({ enum: CASCADE_KINDS }) kind: string;
  @ApiPropertyOptional() opdCode?: string;
  @ApiPropertyOptional() year?: number;
  @ApiPropertyOptional() indicatorCode?: string;
  @ApiPropertyOptional() nip?: string;
  @ApiPropertyOptional() resultCode?: string;
}

class SkpIndicatorView implements skp.SkpIndicator {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() unit: string;
  @ApiProperty({ enum: POLARITIES }) polarity: Polarity;
  @ApiProperty() target: number;
}

class SkpResultView implements skp.SkpResult {
  @ApiProperty() code: string;
  @ApiProperty() statement: string;
  @ApiProperty({ type: CascadeSourceView }) cascadedFrom: CascadeSource;
  @ApiProperty({ type: [SkpIndicatorView] }) indicators: SkpIndicatorView[];
}

class RealisationValueView implements RealisationValue {
  @ApiProperty() indicatorCode: string;
  @ApiProperty() value: number;
  @ApiProperty({ nullable: true, type: String }) evidenceUrl: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

class SkpRealisationView implements skp.PeriodRealisation {
  @ApiProperty({ enum: SKP_QUARTERS }) period: SkpQuarter;
  @ApiProperty() reportedAt: string;
  @ApiProperty() reportedOn: string;
  @ApiProperty({ type: [RealisationValueView] }) values: RealisationValueView[];
}

class BehaviourNotesView implements BehaviourNotes {}
fieldPerValue(BehaviourNotesView, BERAKHLAK_VALUES, ApiPropertyOptional({ type: String }));

export class SkpEvaluationView implements skp.SkpEvaluationRecord {
  @ApiProperty({ enum: SKP_PERIODS }) period: SkpPeriod;
  @ApiProperty({ enum: RATINGS }) resultRating: Rating;
  @ApiProperty({ enum: RATINGS }) behaviourRating: Rating;
  @ApiProperty({ enum: PREDIKATS }) predikat: Predikat;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ type: BehaviourNotesView }) behaviourNotes: BehaviourNotesView;
  @ApiProperty({ description: 'The calendar day it was given' }) on: string;
  @ApiProperty({ description: 'When it was recorded' }) at: string;
  @ApiProperty({ nullable: true, type: String, description: 'Why a period was rated again; null for its first rating' }) reason: string | null;
}

class PeriodEvaluationView implements skp.PeriodEvaluation {
  @ApiProperty({ enum: SKP_PERIODS }) period: SkpPeriod;
  @ApiProperty({ type: SkpEvaluationView, description: 'The rating in force' }) current: SkpEvaluationView;
  @ApiProperty({ type: [SkpEvaluationView], description: 'Every rating of the period, the first one first' }) history: SkpEvaluationView[];
}

type SkpReturn = skp.SkpDocument['returns'][number];

class SkpReturnView implements SkpReturn {
  @ApiProperty() at: string;
  @ApiProperty() reason: string;
}

class SkpFlagView implements SkpFlag {
  @ApiProperty({ enum: SKP_FLAG_CODES }) code: SkpFlag['code'];
  @ApiProperty() resultCode: string;
  @ApiProperty() opdCode: string;
  @ApiProperty() year: number;
  @ApiProperty() indicatorCode: string;
}

const ERASED = 'null once the person is erased (docs/domain.md, Personal data at rest)';

export class SkpViewDto implements skp.SkpView {
  @ApiProperty({ type: String, nullable: true, description: ERASED }) nip: string;
  @ApiProperty() year: number;
  @ApiProperty({ type: String, nullable: true, description: ERASED }) name: string;
  @ApiProperty() position: string;
  @ApiProperty() opdCode: string;
  @ApiProperty({ type: String, nullable: true, description: ERASED }) appraiserNip: string;
  @ApiPropertyOptional({ description: 'Present and true when a person the SKP names was erased: their fields read as null' }) erased?: true;
  @ApiProperty({ enum: SKP_STATUSES }) status: SkpStatus;
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
  @ApiProperty({ nullable: true, enum: PREDIKATS, description: 'The ANNUAL rating once given, else the latest quarter’s' }) predikat: Predikat | null;
  @ApiProperty({ description: 'Submitted, waiting for the appraiser to agree or return it' }) awaitingAgreement: boolean;
  @ApiProperty({ enum: SKP_PERIODS, isArray: true, description: 'Reported quarters not rated yet, and ANNUAL once Q4 is reported' })
  awaitingEvaluation: SkpPeriod[];
  @ApiProperty({ type: [SkpFlagView] }) flags: SkpFlagView[];
}

export class SkpPageView {
  @ApiProperty({ type: [SkpViewDto] }) items: SkpViewDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class SkpEvaluationResultView extends WriteResultView {
  @ApiProperty({ enum: PREDIKATS, description: 'The predikat the two ratings make' }) predikat: string;
}

export class CascadeNodeView implements CascadeNode {
  @ApiProperty({ type: String, nullable: true, description: ERASED }) nip: string;
  @ApiProperty() year: number;
  @ApiProperty({ type: String, nullable: true, description: ERASED }) name: string;
  @ApiPropertyOptional({ description: 'Present and true when the employee was erased' }) erased?: true;
  @ApiProperty() position: string;
  @ApiProperty() opdCode: string;
  @ApiProperty({ enum: SKP_STATUSES }) status: SkpStatus;
  @ApiProperty({ description: 'The result that serves the parent' }) resultCode: string;
  @ApiProperty() statement: string;
  @ApiProperty({ nullable: true, enum: PREDIKATS }) predikat: Predikat | null;
  @ApiProperty({ nullable: true, type: SkpEvaluationView }) latestEvaluation: SkpEvaluationView | null;
  @ApiProperty({ type: () => [CascadeNodeView], description: 'Results of other SKPs cascaded from this one' }) children: CascadeNodeView[];
}

export class CascadeTreeView {
  @ApiProperty() opdCode: string;
  @ApiProperty() year: number;
  @ApiProperty() indicatorCode: string;
  @ApiProperty({ type: [CascadeNodeView], description: 'The results cascaded straight from the indicator' }) items: CascadeNodeView[];
}
