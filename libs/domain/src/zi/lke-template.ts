import { exactDecimal, sameExact, shown, sum } from './exact';
import { ZI_AREAS, ZI_TARGETS, ZiArea, ZiTarget } from './zi.events';

/**
 * The LKE as data (docs/domain.md, ZI 3): a region loads its own with LKE_TEMPLATE_FILE; the
 * code knows only the shape. `parseLkeTemplate` is the one check a file passes before use.
 */
export const LKE_PARTS = ['PEMENUHAN', 'REFORM', 'HASIL'] as const;
export type LkePart = (typeof LKE_PARTS)[number];

export const ANSWER_TYPES = ['YA_TIDAK', 'ABC', 'ABCD', 'ABCDE', 'PERCENT', 'SURVEY'] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

/** The results part's items are not in a change area. */
export const HASIL_AREA = 'HASIL';

export interface LkeItem {
  code: string;
  area: ZiArea | typeof HASIL_AREA;
  part: LkePart;
  question: string;
  answerType: AnswerType;
  weight: number;
  /** Where the ledger can suggest an answer (ledger-sources.ts); open to sources other contexts add. */
  ledgerSource?: string;
}

export interface AreaWeights {
  code: ZiArea;
  name: string;
  pemenuhan: number;
  reform: number;
}

export interface PredikatThresholds {
  total: number;
  pengungkit: number;
  /** Each change area's score as a percentage of its weight. */
  areaShare: number;
  /** Minimum scores of single items (the results: IPAK, CAPAIAN_KINERJA, IPKP). */
  items: Record<string, number>;
}

/** One question of a perception survey, in Bahasa Indonesia as the public form asks it. */
export interface LkeSurveyQuestion {
  code: string;
  text: string;
}

/** The perception surveys whose results the LKE scores (IPAK, IPKP): the questions a survey of that kind asks. */
export const LKE_SURVEY_KINDS = ['IPAK', 'IPKP'] as const;
export type LkeSurveyKind = (typeof LKE_SURVEY_KINDS)[number];

export interface LkeTemplate {
  id: string;
  regulation: string;
  areas: AreaWeights[];
  hasilWeight: number;
  items: LkeItem[];
  thresholds: Record<ZiTarget, PredikatThresholds>;
  surveySets: Record<LkeSurveyKind, LkeSurveyQuestion[]>;
}

/** A template as the service uses it: what the file said, and the file's SHA-256. */
export type LoadedLkeTemplate = LkeTemplate & { sha256: string };

export class LkeTemplateFault extends Error {
  override readonly name = 'LkeTemplateFault';
}

const fault = (message: string): never => {
  throw new LkeTemplateFault(message);
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isWeight = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;
const text = (value: unknown, where: string): string => (typeof value === 'string' && value.trim() !== '' ? value : fault(`${where} must be a non-blank text`));
const weight = (value: unknown, where: string): number => (isWeight(value) ? value : fault(`${where} must be a number from 0 to 100`));

/** Checks a parsed file and answers the template, or throws a fault naming the first thing wrong. */
export function parseLkeTemplate(json: unknown): LkeTemplate {
  if (!isRecord(json)) return fault('the file must hold one JSON object');
  const id = text(json.id, 'id');
  const regulation = text(json.regulation, 'regulation');
  const areas = parseAreas(json.areas);
  const hasilWeight = weight(json.hasilWeight, 'hasilWeight');
  if (!Array.isArray(json.items)) return fault('items must be a list');
  const items = json.items.map((item, index) => parseItem(item, `items[${index}]`));
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.code)) fault(`item code ${item.code} appears twice`);
    seen.add(item.code);
  }
  checkPartWeights(areas, hasilWeight, items);
  const thresholds = parseThresholds(json.thresholds, seen);
  const surveySets = parseSurveySets(json.surveySets);
  return { id, regulation, areas, hasilWeight, items, thresholds, surveySets };
}

function parseSurveySets(value: unknown): Record<LkeSurveyKind, LkeSurveyQuestion[]> {
  if (!isRecord(value)) return fault(`surveySets must be an object with ${LKE_SURVEY_KINDS.join(' and ')}`);
  const parse = (kind: LkeSurveyKind): LkeSurveyQuestion[] => {
    const questions = value[kind];
    if (!Array.isArray(questions) || questions.length === 0 || questions.length > 50) return fault(`surveySets.${kind} must be a list of 1 to 50 questions`);
    const codes = new Set<string>();
    return questions.map((question, index) => {
      const where = `surveySets.${kind}[${index}]`;
      if (!isRecord(question)) return fault(`${where} must be an object`);
      const code = text(question.code, `${where}.code`);
      if (!/^[A-Z][A-Z0-9]{0,7}$/.test(code)) fault(`${where}.code must be a capital letter and up to 7 more capitals or digits`);
      if (codes.has(code)) fault(`surveySets.${kind} names ${code} twice`);
      codes.add(code);
      return { code, text: text(question.text, `${where}.text`) };
    });
  };
  return { IPAK: parse('IPAK'), IPKP: parse('IPKP') };
}

function parseAreas(value: unknown): AreaWeights[] {
  if (!Array.isArray(value)) return fault('areas must be a list');
  const areas = value.map((area, index): AreaWeights => {
    if (!isRecord(area)) return fault(`areas[${index}] must be an object`);
    const code = area.code as ZiArea;
    if (!ZI_AREAS.includes(code)) fault(`areas[${index}].code must be one of ${ZI_AREAS.join(', ')}`);
    return {
      code,
      name: text(area.name, `areas[${index}].name`),
      pemenuhan: weight(area.pemenuhan, `area ${code} pemenuhan`),
      reform: weight(area.reform, `area ${code} reform`),
    };
  });
  const missing = ZI_AREAS.filter((code) => areas.filter((area) => area.code === code).length !== 1);
  if (missing.length > 0) fault(`areas must name each change area once; wrong for ${missing.join(', ')}`);
  return ZI_AREAS.map((code) => areas.find((area) => area.code === code)!);
}

function parseItem(value: unknown, where: string): LkeItem {
  if (!isRecord(value)) return fault(`${where} must be an object`);
  const code = text(value.code, `${where}.code`);
  if (!/^[A-Za-z0-9._-]{1,32}$/.test(code)) fault(`${where}.code must be 1 to 32 letters, digits, dots, dashes or underscores`);
  const part = value.part as LkePart;
  if (!LKE_PARTS.includes(part)) fault(`item ${code}: part must be one of ${LKE_PARTS.join(', ')}`);
  const area = value.area as LkeItem['area'];
  if (part === 'HASIL' ? area !== HASIL_AREA : !ZI_AREAS.includes(area as ZiArea)) {
    fault(`item ${code}: area must be ${part === 'HASIL' ? HASIL_AREA : `one of ${ZI_AREAS.join(', ')}`}`);
  }
  const answerType = value.answerType as AnswerType;
  if (!ANSWER_TYPES.includes(answerType)) fault(`item ${code}: answerType must be one of ${ANSWER_TYPES.join(', ')}`);
  const ledgerSource = value.ledgerSource;
  if (ledgerSource !== undefined && (typeof ledgerSource !== 'string' || !/^[A-Z_]{1,40}$/.test(ledgerSource)))
    fault(`item ${code}: ledgerSource must be a source name`);
  const item: LkeItem = {
    code,
    area,
    part,
    question: text(value.question, `item ${code} question`),
    answerType,
    weight: weight(value.weight, `item ${code} weight`),
  };
  return ledgerSource === undefined ? item : { ...item, ledgerSource: ledgerSource as string };
}

function checkPartWeights(areas: AreaWeights[], hasilWeight: number, items: LkeItem[]): void {
  const itemsOf = (area: string, part: LkePart) => items.filter((item) => item.area === area && item.part === part);
  const check = (expected: number, found: LkeItem[], what: string) => {
    const weighs = sum(found.map((item) => exactDecimal(item.weight)));
    if (!sameExact(weighs, exactDecimal(expected))) fault(`the items of ${what} weigh ${shown(weighs)}, not ${expected}`);
  };
  for (const area of areas) {
    check(area.pemenuhan, itemsOf(area.code, 'PEMENUHAN'), `${area.code} PEMENUHAN`);
    check(area.reform, itemsOf(area.code, 'REFORM'), `${area.code} REFORM`);
  }
  check(hasilWeight, itemsOf(HASIL_AREA, 'HASIL'), 'HASIL');
}

function parseThresholds(value: unknown, codes: Set<string>): Record<ZiTarget, PredikatThresholds> {
  if (!isRecord(value)) return fault('thresholds must be an object with WBK and WBBM');
  const parse = (target: ZiTarget): PredikatThresholds => {
    const rules = value[target];
    if (!isRecord(rules)) return fault(`thresholds.${target} must be an object`);
    if (!isRecord(rules.items)) return fault(`thresholds.${target}.items must be an object`);
    const items = Object.fromEntries(
      Object.entries(rules.items).map(([code, minimum]) => {
        if (!codes.has(code)) fault(`thresholds.${target}.items names ${code}, which is no item`);
        return [code, weight(minimum, `thresholds.${target}.items.${code}`)];
      }),
    );
    return {
      total: weight(rules.total, `thresholds.${target}.total`),
      pengungkit: weight(rules.pengungkit, `thresholds.${target}.pengungkit`),
      areaShare: weight(rules.areaShare, `thresholds.${target}.areaShare`),
      items,
    };
  };
  return Object.fromEntries(ZI_TARGETS.map((target) => [target, parse(target)])) as Record<ZiTarget, PredikatThresholds>;
}
