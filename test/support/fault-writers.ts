import { FINDING, GOALS, YEAR } from './ledger-fixtures';
import { bearer, tokenFor } from './tokens';

type Headers = Record<string, string>;

/** A write the API answered 2xx: where it says its last event is. */
export interface AcknowledgedWrite {
  stream: string;
  revision: number;
  position: string | null;
  etag: string | undefined;
  path: string;
}

/**
 * The API processes writers may use, by name; one that dies is taken out and its successor put
 * in. Counts the requests in flight on each, so a kill can wait for some to be cut off.
 */
export class ApiPool {
  private readonly urls = new Map<string, string>();
  private readonly inFlight = new Map<string, number>();

  up(name: string, url: string): void {
    this.urls.set(name, url);
  }

  down(name: string): void {
    this.urls.delete(name);
  }

  busy(name: string): number {
    return this.inFlight.get(name) ?? 0;
  }

  async fetch(path: string, init: RequestInit): Promise<Response> {
    const names = [...this.urls.keys()];
    if (names.length === 0) throw new Error('no API process is up');
    const name = names[Math.floor(Math.random() * names.length)];
    this.inFlight.set(name, this.busy(name) + 1);
    try {
      return await fetch(`${this.urls.get(name)}${path}`, { ...init, signal: AbortSignal.timeout(20_000) });
    } finally {
      this.inFlight.set(name, this.busy(name) - 1);
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One write, sent until some process answers it. Every write carries an Idempotency-Key, so
 * one cut off by a kill is sent again safely: the retry answers what the first attempt
 * appended, if it did (after IDEMPOTENCY_TAKEOVER_SECONDS), and runs it otherwise.
 */
async function write(pool: ApiPool, streamType: string, method: string, path: string, as: Headers, key: string, body?: object) {
  for (let attempt = 0; attempt < 80; attempt++) {
    const response = await pool
      .fetch(path, {
        method,
        headers: { ...as, 'Idempotency-Key': key, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      })
      .catch(() => null);
    if (!response) {
      await sleep(250);
      continue;
    }
    const answer = (await response.json()) as { id: string; revision: number; position: string | null; code?: string };
    if (response.status === 503 || answer.code === 'IDEMPOTENCY_KEY_IN_PROGRESS') {
      await sleep(300);
      continue;
    }
    if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(answer)}`);
    return {
      answer,
      acknowledged: {
        stream: `${streamType}-${answer.id}`,
        revision: answer.revision,
        position: answer.position,
        etag: response.headers.get('etag') ?? undefined,
        path,
      },
    };
  }
  throw new Error(`${method} ${path}: no process answered`);
}

export interface WriterOptions {
  pool: ApiPool;
  acknowledge(write: AcknowledgedWrite): void;
  /** The writers keep correcting and following up until this answers false. */
  keepGoing(): boolean;
  /** Between two of those writes, per writer. */
  pauseMs?: number;
}

const APPRAISER = '197502022000031002';

/**
 * Unit `index`'s year, written as the service's users would: the unit registered, its plan
 * drafted, submitted, approved and its quarters reported, its LKjIP compiled, a finding
 * recorded and answered, an employee's SKP drafted, agreed, realised and rated; then, until
 * told to stop, corrections (two writers on the plan at once) and follow-ups.
 */
export async function writeUnitYear(index: number, options: WriterOptions): Promise<number> {
  const { pool, acknowledge, keepGoing } = options;
  const code = `UNIT-${index}`;
  const nip = `1980010120050110${String(index).padStart(2, '0')}`;
  const as = {
    admin: bearer(await tokenFor({ roles: ['admin'] })),
    operator: bearer(await tokenFor({ roles: ['opd_operator'], opd: code })),
    head: bearer(await tokenFor({ roles: ['opd_head'], opd: code })),
    inspector: bearer(await tokenFor({ roles: ['inspector'] })),
    employee: bearer(await tokenFor({ roles: ['employee'], nip })),
    appraiser: bearer(await tokenFor({ roles: ['appraiser'], nip: APPRAISER })),
  };
  let writes = 0;
  const send = async (streamType: string, method: string, path: string, headers: Headers, body?: object) => {
    const { answer, acknowledged } = await write(pool, streamType, method, path, headers, `${code}-${writes++}`, body);
    acknowledge(acknowledged);
    return answer;
  };
  const plan = `/api/v1/opds/${code}/plans/${YEAR}`;
  const skp = `/api/v1/skp/${nip}/${YEAR}`;
  const values = (value: number) => [{ indicatorCode: 'I1', value }];

  await send('opd', 'POST', '/api/v1/opds', as.admin, { code, name: `Unit ${index}` });
  await send('plan', 'POST', plan, as.operator, { goals: GOALS });
  await send('plan', 'POST', `${plan}/submit`, as.operator);
  await send('plan', 'POST', `${plan}/approve`, as.head);
  for (const quarter of [1, 2, 3, 4]) await send('plan', 'POST', `${plan}/realisations/${quarter}`, as.operator, { values: values(20 * quarter) });
  await send('lkjip', 'POST', `/api/v1/opds/${code}/lkjip/${YEAR}`, as.operator);
  const finding = await send('finding', 'POST', '/api/v1/audit-findings', as.inspector, {
    ...FINDING,
    opdCode: code,
    reportNumber: `LHP-${index}/${YEAR}`,
    reportDate: `${YEAR}-03-01`,
    recommendations: [{ text: 'Setorkan ke kas daerah', amountIdr: 1_000_000 }],
  });
  const recommendation = `/api/v1/audit-findings/${finding.id}/recommendations/1`;
  await send('finding', 'POST', `${recommendation}/follow-ups`, as.operator, { description: 'Setoran pertama', amountSettledIdr: 100_000 });
  await send('finding', 'POST', `${recommendation}/assessments`, as.inspector, { status: 'BELUM_SESUAI', note: 'Kurang' });
  await send('skp', 'POST', skp, as.employee, {
    name: `Pegawai ${index}`,
    position: 'Analis',
    opdCode: code,
    appraiserNip: APPRAISER,
    results: [
      {
        code: 'R1',
        statement: 'Hasil kerja',
        cascadedFrom: { kind: 'PLAN_INDICATOR', opdCode: code, year: YEAR, indicatorCode: 'I1' },
        indicators: [{ code: 'K1', name: 'Cakupan', unit: '%', polarity: 'HIGHER_IS_BETTER', target: 100 }],
      },
    ],
  });
  await send('skp', 'POST', `${skp}/submit`, as.employee);
  await send('skp', 'POST', `${skp}/agree`, as.appraiser);
  await send('skp', 'POST', `${skp}/realisations/Q1`, as.employee, { values: [{ indicatorCode: 'K1', value: 40 }] });
  await send('skp', 'POST', `${skp}/evaluations/Q1`, as.appraiser, { resultRating: 'AS_EXPECTED', behaviourRating: 'AS_EXPECTED', note: 'Baik' });

  // Paced: a load that takes every cycle of two shared cores would only make restarts slow.
  const corrections = async () => {
    for (let n = 0; keepGoing(); n++) {
      await send('plan', 'POST', `${plan}/realisations/1/corrections`, as.operator, { reason: `Koreksi ${n}`, values: values(n % 100) });
      await sleep(options.pauseMs ?? 0);
    }
  };
  const followUps = async () => {
    for (let n = 0; keepGoing(); n++) {
      await send('finding', 'POST', `${recommendation}/follow-ups`, as.operator, { description: `Setoran ${n}` });
      await sleep(options.pauseMs ?? 0);
    }
  };
  await Promise.all([corrections(), corrections(), followUps()]);
  return writes;
}
