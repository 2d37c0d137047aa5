import { smallTemplate, workedAnswers } from '../testing/zi-template';
import { judge, scoreSheet } from './lke-scores';
import { publicZiRecord } from './public-zi';
import { evolveZiDocument, StoredZiEvent, ZiDocument } from './zi-document';
import { ZiEvent } from './zi.events';

const key = { unit: 'DINKES.PKM-STABAT', opdCode: 'DINKES', year: 2025 };
const scores = scoreSheet(smallTemplate, new Map(workedAnswers().map((answer) => [answer.itemCode, answer])));
const stamp = { id: smallTemplate.id, sha256: smallTemplate.sha256 };
const SECRET = 'RAHASIA';

const events: ZiEvent[] = [
  {
    type: 'ZiDeclared',
    data: {
      ...key,
      target: 'WBK',
      declaredOn: '2025-01-20',
      documentUrl: `https://x.go.id/${SECRET}.pdf`,
      documentSha256: 'b'.repeat(64),
      team: [{ position: SECRET, duty: SECRET }],
    },
  },
  {
    type: 'ZiActionPlanSet',
    data: { ...key, activities: [{ code: 'A1', area: 'PENATAAN_SDM', description: SECRET, output: SECRET, dueDate: '2025-03-01' }], removed: [] },
  },
  {
    type: 'ZiProgressReported',
    data: {
      ...key,
      activityCode: 'A1',
      date: '2025-02-01',
      status: 'DONE',
      evidence: [{ url: `https://x.go.id/${SECRET}`, sha256: 'c'.repeat(64) }],
      note: SECRET,
    },
  },
  { type: 'ZiSelfAnswered', data: { ...key, answers: workedAnswers().map((answer) => ({ ...answer, note: SECRET })) } },
  { type: 'ZiSelfAssessed', data: { ...key, template: stamp, scores, on: '2025-04-01' } },
  { type: 'ZiTpiAnswered', data: { ...key, answers: workedAnswers().map((answer) => ({ ...answer, note: SECRET })) } },
  { type: 'ZiEvaluated', data: { ...key, template: stamp, scores, ...judge(scores, smallTemplate), on: '2025-05-01' } },
  { type: 'ZiProposed', data: { ...key, target: 'WBK', on: '2025-05-10' } },
  { type: 'ZiAwarded', data: { ...key, predikat: 'WBK', decreeNumber: 'SK-9', decreeDate: '2025-12-10' } },
  { type: 'ZiRevoked', data: { ...key, reason: `Pegawai ${SECRET} terjaring OTT`, on: '2026-02-01' } },
];

const documentAfter = (count: number) =>
  events
    .slice(0, count)
    .reduce<ZiDocument | null>(
      (document, event, revision) => evolveZiDocument(document, { ...event, recordedAt: '2025-06-01T00:00:00.000Z', revision } as StoredZiEvent),
      null,
    )!;

describe('the public ZI record', () => {
  it('shows no score before the TPI evaluates, nor the self-assessment', () => {
    expect(publicZiRecord(documentAfter(5))).toEqual({
      ...key,
      target: 'WBK',
      stage: 'SELF_ASSESSED',
      declaredOn: '2025-01-20',
      scores: null,
      award: null,
      revokedOn: null,
    });
  });

  it('shows the TPI scores, the award and the revocation’s day, and nothing of the team, notes, evidence, answers or reasons', () => {
    const record = publicZiRecord(documentAfter(events.length));
    expect(record).toMatchObject({ stage: 'REVOKED', award: { predikat: 'WBK', decreeNumber: 'SK-9', decreeDate: '2025-12-10' }, revokedOn: '2026-02-01' });
    expect(record.scores).toMatchObject({
      total: 83.08,
      meets: { WBK: true, WBBM: false },
      areas: { PENATAAN_SDM: { score: 8.33, weight: 10, share: 83.33 } },
    });
    expect(JSON.stringify(record)).not.toContain(SECRET);
    expect(Object.keys(record).sort()).toEqual(['award', 'declaredOn', 'opdCode', 'revokedOn', 'scores', 'stage', 'target', 'unit', 'year']);
  });
});
