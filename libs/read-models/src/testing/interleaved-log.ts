import { EventStore, RecordedEvent } from '@app/event-store';
import { seal } from '@app/personal-data';

/** For the read-model tests: a few streams of every register, with replays to skip and a stream that makes no row. */
const actor = { sub: 'tester', roles: [] };
const FINDING = '0b7f6c2e-1d2a-4c3b-9e8f-7a6b5c4d3e2f';
const indicator = { code: 'I1', name: 'Indikator', unit: '%', polarity: 'HIGHER_IS_BETTER', aggregation: 'LAST', annualTarget: 90, quarterlyTargets: null };
const goals = [{ code: 'G1', statement: 'Sasaran', indicators: [indicator] }];
const values = (value: number) => [{ indicatorCode: 'I1', value, evidenceUrl: null, note: null }];
const results = [
  {
    code: 'R1',
    statement: 'Hasil',
    cascadedFrom: { kind: 'PLAN_INDICATOR', opdCode: 'OPD-A', year: 2025, indicatorCode: 'I1' },
    indicators: [{ code: 'K1', name: 'Ukuran', unit: '%', polarity: 'HIGHER_IS_BETTER', target: 100 }],
  },
];
// As the SKP slice stores them: NIPs and the name sealed under their subjects' keys, the stream named by the subject.
const employee = '7b1e0c9a-4f3d-4e2a-9c1b-2d3e4f5a6b7c';
const appraiser = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const sealed = (subject: string, value: string) => seal(subject, Buffer.alloc(32, subject.charCodeAt(0)), value);
const nip = sealed(employee, '197001012005011001');

/** Each stream's events with revisions and log positions, as the store would record them. */
function streams(): Record<string, Array<{ type: string; data: object }>> {
  const plan = (opdCode: string) => ({ opdCode, year: 2025 });
  const skp = { nip, year: 2025 };
  return {
    'opd-OPD-A': [
      { type: 'OpdRegistered', data: { code: 'OPD-A', name: 'Unit A', parentCode: null } },
      { type: 'OpdRenamed', data: { code: 'OPD-A', name: 'Unit A baru' } },
    ],
    'opd-OPD-B': [{ type: 'OpdRegistered', data: { code: 'OPD-B', name: 'Unit B', parentCode: 'OPD-A' } }],
    'plan-OPD-A-2025': [
      { type: 'PlanDrafted', data: { ...plan('OPD-A'), goals } },
      { type: 'PlanSubmitted', data: plan('OPD-A') },
      { type: 'PlanApproved', data: { ...plan('OPD-A'), version: 1, goals, on: '2025-01-10' } },
      { type: 'RealisationReported', data: { ...plan('OPD-A'), quarter: 1, values: values(20), on: '2025-04-05' } },
      { type: 'RealisationCorrected', data: { ...plan('OPD-A'), quarter: 1, values: values(25), reason: 'Koreksi', on: '2025-04-09' } },
      { type: 'RealisationReported', data: { ...plan('OPD-A'), quarter: 2, values: values(40), on: '2025-07-05' } },
    ],
    'plan-OPD-B-2025': [
      { type: 'PlanDrafted', data: { ...plan('OPD-B'), goals } },
      { type: 'PlanReturned', data: { ...plan('OPD-B'), reason: 'Lengkapi' } },
    ],
    // A stream whose first event makes no row: every event of it changes nothing.
    'plan-OPD-C-2025': [{ type: 'PlanSubmitted', data: plan('OPD-C') }],
    [`skp-${employee}-2025`]: [
      {
        type: 'SkpDrafted',
        data: {
          ...skp,
          name: sealed(employee, 'Pegawai'),
          position: 'Analis',
          opdCode: 'OPD-A',
          appraiserNip: sealed(appraiser, '196001011985031001'),
          results,
        },
      },
      { type: 'SkpSubmitted', data: skp },
      { type: 'SkpAgreed', data: { ...skp, results, on: '2025-01-20' } },
      {
        type: 'SkpRealisationReported',
        data: { ...skp, period: 'Q1', values: [{ indicatorCode: 'K1', value: 30, evidenceUrl: null, note: null }], on: '2025-04-05' },
      },
    ],
    [`finding-${FINDING}`]: [
      {
        type: 'AuditFindingRecorded',
        data: {
          findingId: FINDING,
          opdCode: 'OPD-A',
          reportNumber: 'LHP-1',
          reportDate: '2025-02-01',
          receivedDate: '2025-02-03',
          title: 'Temuan',
          condition: 'k',
          criteria: 'k',
          cause: 'k',
          effect: 'k',
          category: 'INTERNAL_CONTROL',
          amountIdr: null,
          recommendations: [
            { no: 1, text: 'Rekomendasi 1', amountIdr: null },
            { no: 2, text: 'Rekomendasi 2', amountIdr: null },
          ],
        },
      },
      {
        type: 'FollowUpRecorded',
        data: { findingId: FINDING, recommendationNo: 1, description: 'TL', evidenceUrl: null, amountSettledIdr: null, on: '2025-03-01' },
      },
      { type: 'RecommendationAssessed', data: { findingId: FINDING, recommendationNo: 1, status: 'SESUAI', note: 'ok', on: '2025-03-10' } },
    ],
  };
}

/** The streams interleaved round-robin into one log, as concurrent writers leave it. */
export function interleavedLog(): RecordedEvent[] {
  const queues = Object.entries(streams()).map(([stream, events]) => events.map((event, revision) => ({ stream, revision, ...event })));
  const events: RecordedEvent[] = [];
  while (queues.some((queue) => queue.length > 0)) {
    for (const queue of queues) {
      const next = queue.shift();
      if (!next) continue;
      const n = events.length;
      events.push({
        ...next,
        id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        position: `${String(1000 + n).padStart(20, '0')}-${String(n).padStart(20, '0')}`,
        recordedAt: new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString(),
        metadata: { actor, correlationId: 'c', causationId: null },
        hash: '0'.repeat(64),
      });
    }
  }
  return events;
}

/**
 * Appends the interleaved log one event at a time, so that a batch holds events of many streams,
 * and answers the last position: a build is waited for up to it, not to the head, which lags
 * while any transaction on the server is open.
 */
export async function appendInterleavedLog(store: EventStore): Promise<string> {
  let last = '';
  for (const event of interleavedLog()) {
    last = (await store.appendToStream(event.stream, [{ type: event.type, data: event.data, metadata: event.metadata }])).position;
  }
  return last;
}
