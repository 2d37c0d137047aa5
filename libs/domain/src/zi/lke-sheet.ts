import { LedgerReading, LedgerSuggestion, suggestionFor } from './ledger-evidence';
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
  /** What the ledger suggests, where the item names a source the ledger can answer. */
  suggested: LkeValue | null;
  /** The records the suggestion was read from, and the figure in words. */
  evidence: { links: string[]; basis: string } | null;
  answer: LkeValue | null;
  note: string | null;
  /** ZI_ANSWER_ABOVE_LEDGER: the unit's answer earns more than the suggestion it was given with. */
  aboveLedger: boolean;
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

export function lkeSheet(template: LoadedLkeTemplate, document: ZiDocument, suggestions: ReadonlyMap<string, LedgerSuggestion>): LkeSheet {
  const items = template.items.map((item): LkeSheetItem => {
    const own = document.selfAnswers[item.code];
    const tpi = document.tpiAnswers[item.code];
    const suggestion = suggestions.get(item.code);
    return {
      code: item.code,
      area: item.area,
      part: item.part,
      question: item.question,
      answerType: item.answerType,
      weight: item.weight,
      ledgerSource: item.ledgerSource ?? null,
      suggested: suggestion?.value ?? null,
      evidence: suggestion ? { links: suggestion.links, basis: suggestion.basis } : null,
      answer: own?.value ?? null,
      aboveLedger: own?.aboveLedger ?? false,
      note: own?.note ?? null,
      tpi: tpi ? { value: tpi.value, note: tpi.note } : null,
    };
  });
  return {
    template: { id: template.id, sha256: template.sha256 },
    items,
    scores: scoresOf(template, document),
  };
}

const scored = (template: LkeTemplate, answers: Record<string, LkeAnswer>) => scoreSheet(template, new Map(Object.entries(answers)));

/**
 * Both sheets' scores, worked out once per document and template: exact fractions over every
 * item are most of a sheet read's work, and a frozen document (the read cache's) never changes,
 * so the same one read again scores the same.
 */
const scoredDocuments = new WeakMap<object, { template: LkeTemplate; scores: LkeSheet['scores'] }>();

function scoresOf(template: LkeTemplate, document: ZiDocument): LkeSheet['scores'] {
  const kept = scoredDocuments.get(document);
  if (kept && kept.template === template) return kept.scores;
  const scores = { self: scored(template, document.selfAnswers), tpi: scored(template, document.tpiAnswers) };
  if (Object.isFrozen(document)) scoredDocuments.set(document, { template, scores });
  return scores;
}

/** The suggestion of each item whose ledger source has a reading the item's answer type can take. */
export function ledgerSuggestions(template: LkeTemplate, readings: ReadonlyMap<string, LedgerReading>): Map<string, LedgerSuggestion> {
  const suggestions = new Map<string, LedgerSuggestion>();
  for (const item of template.items) {
    const reading = item.ledgerSource ? readings.get(item.ledgerSource) : undefined;
    const suggestion = reading ? suggestionFor(item.answerType, reading) : null;
    if (suggestion) suggestions.set(item.code, suggestion);
  }
  return suggestions;
}
