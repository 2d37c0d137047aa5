import { scoreSheet } from './lke-scores';
import { AnswerType, LkeItem, LkePart, LkeTemplate, LoadedLkeTemplate } from './lke-template';
import { ZiDocument } from './zi-document';
import { LkeAnswer, LkeScores, LkeValue, TemplateStamp } from './zi.events';

/** One row of the sheet as read: the template's item, the unit's answer and the TPI's. */
export interface LkeSheetItem {
  code: string;
  area: LkeItem['area'];
  part: LkePart;
  question: string;
  answerType: AnswerType;
  weight: number;
  ledgerSource: string | null;
  answer: LkeValue | null;
  note: string | null;
  tpi: { value: LkeValue; note: string | null } | null;
}

/**
 * The LKE as the unit, the TPI and the admin read it (docs/api.md, ZI): every item of the
 * template in force with both answers, and both sheets scored as they stand (an unanswered item
 * scores nothing until the sheet is complete).
 */
export interface LkeSheet {
  template: TemplateStamp;
  items: LkeSheetItem[];
  scores: { self: LkeScores; tpi: LkeScores };
}

export function lkeSheet(template: LoadedLkeTemplate, document: ZiDocument): LkeSheet {
  const items = template.items.map((item): LkeSheetItem => {
    const own = document.selfAnswers[item.code];
    const tpi = document.tpiAnswers[item.code];
    return {
      code: item.code,
      area: item.area,
      part: item.part,
      question: item.question,
      answerType: item.answerType,
      weight: item.weight,
      ledgerSource: item.ledgerSource ?? null,
      answer: own?.value ?? null,
      note: own?.note ?? null,
      tpi: tpi ? { value: tpi.value, note: tpi.note } : null,
    };
  });
  return {
    template: { id: template.id, sha256: template.sha256 },
    items,
    scores: { self: scored(template, document.selfAnswers), tpi: scored(template, document.tpiAnswers) },
  };
}

const scored = (template: LkeTemplate, answers: Record<string, LkeAnswer>) => scoreSheet(template, new Map(Object.entries(answers)));
