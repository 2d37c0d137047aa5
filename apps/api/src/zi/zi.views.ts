import {
  ACTIVITY_STATUSES,
  ActivityStatus,
  ANSWER_TYPES,
  AnswerType,
  LKE_PARTS,
  LkePart,
  LkeValue,
  ZI_AREAS,
  ZI_STAGES,
  ZI_TARGETS,
  ZiArea,
  ZiStage,
  ZiTarget,
} from '@app/domain/zi';
import type * as zi from '@app/domain/zi';
import { ApiProperty } from '@nestjs/swagger';
import { WriteResultView } from '../http/write-result';

/**
 * Answer shapes, for the OpenAPI document (docs/api.md, Zona Integritas). Each implements the
 * type it documents, so a field the domain adds or changes fails to compile here. Maps keyed by
 * area or item code are documented as objects of their values.
 */
const VALUE = {
  description: '"YA"/"TIDAK", a letter, { numerator, denominator } or a number 0–4',
  oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'object' }],
};

class ZiTemplateStampView implements zi.TemplateStamp {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'SHA-256 of the template file the scores were worked out on' }) sha256: string;
}

class ZiAreaScoreView implements zi.AreaScore {
  @ApiProperty() score: number;
  @ApiProperty() weight: number;
  @ApiProperty({ description: 'score / weight, in percent' }) share: number;
}

class ZiPartScoresView {
  @ApiProperty() PEMENUHAN: number;
  @ApiProperty() REFORM: number;
  @ApiProperty() HASIL: number;
}

export class LkeScoresView implements zi.LkeScores {
  @ApiProperty() total: number;
  @ApiProperty() pengungkit: number;
  @ApiProperty() hasil: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'object' }, description: `Keyed by ${ZI_AREAS.join(', ')}` })
  areas: Record<ZiArea, ZiAreaScoreView>;
  @ApiProperty({ type: ZiPartScoresView }) parts: ZiPartScoresView;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'The result items’ scores by code' })
  results: Record<string, number>;
}

class ZiShortfallView implements zi.Shortfall {
  @ApiProperty({ description: 'TOTAL, PENGUNGKIT, AREA_SHARE:<area> or a result item’s code' }) rule: string;
  @ApiProperty() required: number;
  @ApiProperty() actual: number;
}

class ZiMeetsView {
  @ApiProperty() WBK: boolean;
  @ApiProperty() WBBM: boolean;
}

class ZiShortfallsView {
  @ApiProperty({ type: [ZiShortfallView] }) WBK: ZiShortfallView[];
  @ApiProperty({ type: [ZiShortfallView] }) WBBM: ZiShortfallView[];
}

class ZiAssessmentView implements zi.ZiAssessment {
  @ApiProperty({ type: ZiTemplateStampView }) template: ZiTemplateStampView;
  @ApiProperty({ type: LkeScoresView }) scores: LkeScoresView;
  @ApiProperty() at: string;
  @ApiProperty() on: string;
}

class ZiEvaluationView extends ZiAssessmentView implements zi.ZiEvaluation {
  @ApiProperty({ type: ZiMeetsView }) meets: ZiMeetsView;
  @ApiProperty({ type: ZiShortfallsView }) shortfalls: ZiShortfallsView;
}

class ZiTeamMemberView implements zi.TeamMember {
  @ApiProperty() position: string;
  @ApiProperty() duty: string;
}

class ZiEvidenceView implements zi.Evidence {
  @ApiProperty() url: string;
  @ApiProperty() sha256: string;
}

class ZiProgressView {
  @ApiProperty() date: string;
  @ApiProperty({ enum: ACTIVITY_STATUSES }) status: ActivityStatus;
  @ApiProperty({ type: [ZiEvidenceView] }) evidence: ZiEvidenceView[];
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty() at: string;
}

class ZiActivityView {
  @ApiProperty() code: string;
  @ApiProperty({ enum: ZI_AREAS }) area: ZiArea;
  @ApiProperty() description: string;
  @ApiProperty() output: string;
  @ApiProperty() dueDate: string;
  @ApiProperty({ type: [ZiProgressView] }) progress: ZiProgressView[];
  @ApiProperty({ enum: ACTIVITY_STATUSES, description: 'The latest report’s status' }) status: ActivityStatus;
  @ApiProperty({ description: 'ZI_ACTIVITY_OVERDUE: not DONE after its due date' }) overdue: boolean;
}

class ZiAnswerView implements zi.LkeAnswer {
  @ApiProperty() itemCode: string;
  @ApiProperty(VALUE) value: LkeValue;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ ...VALUE, required: false }) suggested?: LkeValue;
  @ApiProperty({ required: false }) aboveLedger?: boolean;
}

class ZiReturnView {
  @ApiProperty() notes: string;
  @ApiProperty({ enum: ZI_STAGES, description: 'The stage returned from' }) from: ZiStage;
  @ApiProperty() at: string;
  @ApiProperty() on: string;
}

class ZiOutcomeView implements zi.ZiOutcomeRecord {
  @ApiProperty({ enum: ['AWARDED', 'NOT_AWARDED'] }) outcome: 'AWARDED' | 'NOT_AWARDED';
  @ApiProperty({ enum: ZI_TARGETS, nullable: true }) predikat: ZiTarget | null;
  @ApiProperty({ nullable: true, type: String }) decreeNumber: string | null;
  @ApiProperty({ nullable: true, type: String }) decreeDate: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty() at: string;
}

class ZiRevocationView {
  @ApiProperty() reason: string;
  @ApiProperty() on: string;
  @ApiProperty() at: string;
}

class ZiFlagView {
  @ApiProperty({ enum: ['ZI_ACTIVITY_OVERDUE', 'ZI_ANSWER_ABOVE_LEDGER'] }) code: 'ZI_ACTIVITY_OVERDUE' | 'ZI_ANSWER_ABOVE_LEDGER';
  @ApiProperty({ required: false }) activityCode?: string;
  @ApiProperty({ required: false }) dueDate?: string;
  @ApiProperty({ required: false }) itemCode?: string;
}

class ZiAreaDifferencesView {
  @ApiProperty() MANAJEMEN_PERUBAHAN: number;
  @ApiProperty() PENATAAN_TATALAKSANA: number;
  @ApiProperty() PENATAAN_SDM: number;
  @ApiProperty() PENGUATAN_AKUNTABILITAS: number;
  @ApiProperty() PENGUATAN_PENGAWASAN: number;
  @ApiProperty() PELAYANAN_PUBLIK: number;
}

export class ZiViewDto implements zi.ZiView {
  @ApiProperty({ example: 'DINKES.PKM-STABAT' }) unit: string;
  @ApiProperty() opdCode: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: ZI_STAGES }) stage: ZiStage;
  @ApiProperty({ enum: ZI_TARGETS }) target: ZiTarget;
  @ApiProperty() declaredOn: string;
  @ApiProperty() documentUrl: string;
  @ApiProperty() documentSha256: string;
  @ApiProperty({ type: [ZiTeamMemberView] }) team: ZiTeamMemberView[];
  @ApiProperty({ type: [ZiActivityView] }) activities: ZiActivityView[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'object' }, description: 'The unit’s answers by item code' })
  selfAnswers: Record<string, ZiAnswerView>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'object' }, description: 'The TPI’s answers by item code' })
  tpiAnswers: Record<string, ZiAnswerView>;
  @ApiProperty({ type: ZiAssessmentView, nullable: true }) selfAssessment: ZiAssessmentView | null;
  @ApiProperty({ type: ZiEvaluationView, nullable: true }) evaluation: ZiEvaluationView | null;
  @ApiProperty({ type: [ZiReturnView] }) returns: ZiReturnView[];
  @ApiProperty({ nullable: true, type: String }) proposedOn: string | null;
  @ApiProperty({ type: ZiOutcomeView, nullable: true }) outcome: ZiOutcomeView | null;
  @ApiProperty({ type: ZiRevocationView, nullable: true }) revocation: ZiRevocationView | null;
  @ApiProperty() revision: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ type: ZiAreaDifferencesView, nullable: true, description: 'TPI minus self per area, once both are scored' })
  differences: ZiAreaDifferencesView | null;
  @ApiProperty({ type: [ZiFlagView] }) flags: zi.ZiFlag[];
}

export class ZiPageView {
  @ApiProperty({ type: [ZiViewDto] }) items: ZiViewDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

class ZiTpiAnswerView {
  @ApiProperty(VALUE) value: LkeValue;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

class ZiLedgerEvidenceView {
  @ApiProperty({ type: [String], description: 'The records the suggestion was read from' }) links: string[];
  @ApiProperty({ description: 'The figure in words' }) basis: string;
}

class LkeSheetItemView implements zi.LkeSheetItem {
  @ApiProperty() code: string;
  @ApiProperty({ description: `One of ${ZI_AREAS.join(', ')} or HASIL` }) area: ZiArea | 'HASIL';
  @ApiProperty({ enum: LKE_PARTS }) part: LkePart;
  @ApiProperty() question: string;
  @ApiProperty({ enum: ANSWER_TYPES }) answerType: AnswerType;
  @ApiProperty() weight: number;
  @ApiProperty({ nullable: true, type: String }) ledgerSource: string | null;
  @ApiProperty({ ...VALUE, nullable: true, description: 'What the ledger suggests, where the item names a source it can answer' })
  suggested: LkeValue | null;
  @ApiProperty({ type: ZiLedgerEvidenceView, nullable: true }) evidence: ZiLedgerEvidenceView | null;
  @ApiProperty({ ...VALUE, nullable: true }) answer: LkeValue | null;
  @ApiProperty({ description: 'ZI_ANSWER_ABOVE_LEDGER: the answer earns more than the suggestion' }) aboveLedger: boolean;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ type: ZiTpiAnswerView, nullable: true }) tpi: ZiTpiAnswerView | null;
}

class ZiSheetScoresView {
  @ApiProperty({ type: LkeScoresView }) self: LkeScoresView;
  @ApiProperty({ type: LkeScoresView }) tpi: LkeScoresView;
}

export class LkeSheetView implements zi.LkeSheet {
  @ApiProperty({ type: ZiTemplateStampView }) template: ZiTemplateStampView;
  @ApiProperty({ type: [LkeSheetItemView] }) items: LkeSheetItemView[];
  @ApiProperty({ type: ZiSheetScoresView }) scores: ZiSheetScoresView;
}

class LkeTemplateItemView {
  @ApiProperty() code: string;
  @ApiProperty() area: ZiArea | 'HASIL';
  @ApiProperty({ enum: LKE_PARTS }) part: LkePart;
  @ApiProperty() question: string;
  @ApiProperty({ enum: ANSWER_TYPES }) answerType: AnswerType;
  @ApiProperty() weight: number;
  @ApiProperty({ required: false }) ledgerSource?: string;
}

class LkeTemplateAreaView {
  @ApiProperty({ enum: ZI_AREAS }) code: ZiArea;
  @ApiProperty() name: string;
  @ApiProperty() pemenuhan: number;
  @ApiProperty() reform: number;
}

class LkePredikatThresholdsView {
  @ApiProperty() total: number;
  @ApiProperty() pengungkit: number;
  @ApiProperty() areaShare: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) items: Record<string, number>;
}

class LkeThresholdsView {
  @ApiProperty({ type: LkePredikatThresholdsView }) WBK: LkePredikatThresholdsView;
  @ApiProperty({ type: LkePredikatThresholdsView }) WBBM: LkePredikatThresholdsView;
}

class LkeSurveyQuestionView {
  @ApiProperty() code: string;
  @ApiProperty() text: string;
}

class LkeSurveySetsView {
  @ApiProperty({ type: [LkeSurveyQuestionView] }) IPAK: LkeSurveyQuestionView[];
  @ApiProperty({ type: [LkeSurveyQuestionView] }) IPKP: LkeSurveyQuestionView[];
}

export class LkeTemplateView implements zi.LoadedLkeTemplate {
  @ApiProperty() id: string;
  @ApiProperty() sha256: string;
  @ApiProperty() regulation: string;
  @ApiProperty({ type: [LkeTemplateAreaView] }) areas: LkeTemplateAreaView[];
  @ApiProperty() hasilWeight: number;
  @ApiProperty({ type: [LkeTemplateItemView] }) items: LkeTemplateItemView[];
  @ApiProperty({ type: LkeThresholdsView }) thresholds: LkeThresholdsView;
  @ApiProperty({ type: LkeSurveySetsView, description: 'The questions IPAK and IPKP surveys opened under this template ask' })
  surveySets: LkeSurveySetsView;
}

export class EvaluatedAnswerView extends WriteResultView {
  @ApiProperty({ type: LkeScoresView }) scores: LkeScoresView;
  @ApiProperty({ type: ZiMeetsView }) meets: ZiMeetsView;
  @ApiProperty({ type: ZiShortfallsView }) shortfalls: ZiShortfallsView;
}

class PublicZiScoresView {
  @ApiProperty() total: number;
  @ApiProperty() pengungkit: number;
  @ApiProperty() hasil: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'object' }, description: `Keyed by ${ZI_AREAS.join(', ')}: { score, weight, share }` })
  areas: Record<ZiArea, ZiAreaScoreView>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) results: Record<string, number>;
  @ApiProperty({ type: ZiMeetsView }) meets: ZiMeetsView;
}

class PublicZiAwardView {
  @ApiProperty({ enum: ZI_TARGETS }) predikat: ZiTarget;
  @ApiProperty() decreeNumber: string;
  @ApiProperty() decreeDate: string;
}

class PublicZiRecordView implements zi.PublicZiRecord {
  @ApiProperty() unit: string;
  @ApiProperty() opdCode: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: ZI_TARGETS }) target: ZiTarget;
  @ApiProperty({ enum: ZI_STAGES }) stage: ZiStage;
  @ApiProperty() declaredOn: string;
  @ApiProperty({ type: PublicZiScoresView, nullable: true, description: 'The TPI’s scores, once evaluated' }) scores: PublicZiScoresView | null;
  @ApiProperty({ type: PublicZiAwardView, nullable: true }) award: PublicZiAwardView | null;
  @ApiProperty({ nullable: true, type: String }) revokedOn: string | null;
}

export class PublicZiPageView {
  @ApiProperty({ type: [PublicZiRecordView] }) items: PublicZiRecordView[];
}
