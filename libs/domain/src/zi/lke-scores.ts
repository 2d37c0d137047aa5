import { answerFault, answerValue } from './lke-answers';
import { Exact, exact, exactDecimal, shown, sum, times, ZERO } from './exact';
import { LkeItem, LkeTemplate } from './lke-template';
import { AreaScore, LkeAnswer, LkeScores, Shortfall, ZI_AREAS, ZI_TARGETS, ZiArea, ZiJudgement } from './zi.events';

/**
 * A sheet's scores (docs/domain.md, ZI 4): item score = weight × value, every sum exact, each
 * figure then shown half up to 2 decimals. An unanswered item scores nothing (the sheet may be
 * read before it is complete; submitting needs every answer).
 */
export function scoreSheet(template: LkeTemplate, answers: ReadonlyMap<string, LkeAnswer>): LkeScores {
  const score = (item: LkeItem): Exact => {
    const answer = answers.get(item.code);
    // An answer kept from a template since replaced that no longer fits its item scores nothing.
    return answer && answerFault(item.answerType, answer.value) === null ? times(exactDecimal(item.weight), answerValue(item.answerType, answer.value)) : ZERO;
  };
  const scoreOf = (items: LkeItem[]) => sum(items.map(score));
  const { items } = template;
  const areas = Object.fromEntries(
    template.areas.map((area): [ZiArea, AreaScore] => {
      const exactScore = scoreOf(items.filter((item) => item.area === area.code));
      const weight = sum([exactDecimal(area.pemenuhan), exactDecimal(area.reform)]);
      const share = weight.n === 0n ? 0 : shown(exact(exactScore.n * weight.d * 100n, exactScore.d * weight.n));
      return [area.code, { score: shown(exactScore), weight: shown(weight), share }];
    }),
  ) as Record<ZiArea, AreaScore>;
  const pemenuhan = scoreOf(items.filter((item) => item.part === 'PEMENUHAN'));
  const reform = scoreOf(items.filter((item) => item.part === 'REFORM'));
  const hasil = scoreOf(items.filter((item) => item.part === 'HASIL'));
  const pengungkit = sum([pemenuhan, reform]);
  return {
    total: shown(sum([pengungkit, hasil])),
    pengungkit: shown(pengungkit),
    hasil: shown(hasil),
    areas,
    parts: { PEMENUHAN: shown(pemenuhan), REFORM: shown(reform), HASIL: shown(hasil) },
    results: Object.fromEntries(items.filter((item) => item.part === 'HASIL').map((item) => [item.code, shown(score(item))])),
  };
}

/**
 * Which predikat a sheet's scores meet (docs/domain.md, ZI 7), compared on the shown figures, and
 * for each predikat every rule it falls short of.
 */
export function judge(scores: LkeScores, template: LkeTemplate): ZiJudgement {
  const shortfallsOf = (target: (typeof ZI_TARGETS)[number]): Shortfall[] => {
    const rules = template.thresholds[target];
    const checks: Shortfall[] = [
      { rule: 'TOTAL', required: rules.total, actual: scores.total },
      { rule: 'PENGUNGKIT', required: rules.pengungkit, actual: scores.pengungkit },
      ...ZI_AREAS.map((area) => ({ rule: `AREA_SHARE:${area}`, required: rules.areaShare, actual: scores.areas[area].share })),
      ...Object.entries(rules.items).map(([code, required]) => ({ rule: code, required, actual: scores.results[code] ?? 0 })),
    ];
    return checks.filter((check) => check.actual < check.required);
  };
  const shortfalls = { WBK: shortfallsOf('WBK'), WBBM: shortfallsOf('WBBM') };
  return { meets: { WBK: shortfalls.WBK.length === 0, WBBM: shortfalls.WBBM.length === 0 }, shortfalls };
}
