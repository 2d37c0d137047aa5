import { smallTemplate, workedAnswers } from '../testing/zi-template';
import { answerFault } from './lke-answers';
import { judge, scoreSheet } from './lke-scores';
import { LkeTemplate } from './lke-template';
import { LkeAnswer } from './zi.events';

const sheet = (answers: LkeAnswer[]) => new Map(answers.map((answer) => [answer.itemCode, answer]));

describe('LKE scores', () => {
  it('scores the worked example as it is worked by hand', () => {
    const scores = scoreSheet(smallTemplate, sheet(workedAnswers()));
    expect(scores).toMatchObject({ total: 83.08, pengungkit: 50, hasil: 33.08, parts: { PEMENUHAN: 20, REFORM: 30, HASIL: 33.08 } });
    expect(scores.areas.MANAJEMEN_PERUBAHAN).toEqual({ score: 6.67, weight: 8, share: 83.33 });
    expect(scores.areas.PENGUATAN_PENGAWASAN).toEqual({ score: 12.5, weight: 15, share: 83.33 });
    expect(scores.results).toEqual({ IPAK: 15.75, CAPAIAN_KINERJA: 3.33, IPKP: 14 });
  });

  it('meets WBK and names each rule WBBM falls short of', () => {
    expect(judge(scoreSheet(smallTemplate, sheet(workedAnswers())), smallTemplate)).toEqual({
      meets: { WBK: true, WBBM: false },
      shortfalls: {
        WBK: [],
        WBBM: [
          { rule: 'TOTAL', required: 85, actual: 83.08 },
          { rule: 'IPKP', required: 15.75, actual: 14 },
        ],
      },
    });
  });

  it('sums thirds exactly: three Bs of weight 1 are 2, not 3 × 0.67', () => {
    const template: LkeTemplate = {
      ...smallTemplate,
      items: smallTemplate.items.flatMap((item) =>
        item.code === 'MANAJEMEN_PERUBAHAN.P' ? ['1', '2', '3', '4'].map((n) => ({ ...item, code: `MP.${n}`, weight: 1 })) : [item],
      ),
    };
    const answers = [
      ...workedAnswers().filter((answer) => answer.itemCode !== 'MANAJEMEN_PERUBAHAN.P'),
      ...['MP.1', 'MP.2', 'MP.3'].map((itemCode) => ({ itemCode, value: 'B', note: null })),
      { itemCode: 'MP.4', value: 'D', note: null },
    ];
    expect(scoreSheet(template, sheet(answers)).areas.MANAJEMEN_PERUBAHAN).toEqual({ score: 6, weight: 8, share: 75 });
  });

  it('rounds half up at the second decimal', () => {
    // CAPAIAN_KINERJA C: 5 × 1/3 = 1.666… → 1.67; IPAK 2.25 → 17.5 × 0.5625 = 9.84375 → 9.84.
    const scores = scoreSheet(smallTemplate, sheet(workedAnswers({ CAPAIAN_KINERJA: 'C', IPAK: 2.25 })));
    expect(scores.results).toMatchObject({ CAPAIAN_KINERJA: 1.67, IPAK: 9.84 });
  });

  it('caps a percent at 1 and scores an unanswered item 0', () => {
    const template: LkeTemplate = {
      ...smallTemplate,
      items: smallTemplate.items.map((item) => (item.code === 'PENATAAN_SDM.R' ? { ...item, answerType: 'PERCENT' } : item)),
    };
    const over = scoreSheet(
      template,
      sheet(workedAnswers({}).map((answer) => (answer.itemCode === 'PENATAAN_SDM.R' ? { ...answer, value: { numerator: 12, denominator: 10 } } : answer))),
    );
    expect(over.areas.PENATAAN_SDM.score).toBe(8.33);
    const missing = scoreSheet(template, sheet(workedAnswers().filter((answer) => answer.itemCode !== 'PENATAAN_SDM.R')));
    expect(missing.areas.PENATAAN_SDM.score).toBe(3.33);
  });

  it.each([
    ['YA_TIDAK', 'B'],
    ['ABC', 'D'],
    ['ABCD', 'E'],
    ['ABCDE', 1],
    ['PERCENT', { numerator: 1, denominator: 0 }],
    ['PERCENT', { numerator: 1.5, denominator: 2 }],
    ['SURVEY', 4.5],
    ['SURVEY', 3.125],
    ['SURVEY', 'A'],
  ] as const)('refuses for %s the value %j', (answerType, value) => expect(answerFault(answerType, value)).not.toBeNull());

  it.each([
    ['YA_TIDAK', 'TIDAK'],
    ['ABCDE', 'E'],
    ['PERCENT', { numerator: 0, denominator: 7 }],
    ['SURVEY', 3.25],
  ] as const)('takes for %s the value %j', (answerType, value) => expect(answerFault(answerType, value)).toBeNull());
});
