import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { bearer, tokenFor } from './tokens';

type Headers = Record<string, string>;

export const indicator = (code: string, overrides: Record<string, unknown> = {}) => ({
  code,
  name: `Indikator ${code}`,
  unit: '%',
  polarity: 'HIGHER_IS_BETTER',
  aggregation: 'LAST',
  annualTarget: 100,
  ...overrides,
});

export const goal = (code: string, indicators: object[]) => ({ code, statement: `Sasaran ${code}`, indicators });

/**
 * The writes a scenario is made of, each through the HTTP API as its rightful user would make
 * it (operator, head, inspector, employee, appraiser). Each answers the write result, so the
 * caller can read with X-Min-Position.
 */
export function ledgerScenario(app: () => INestApplication) {
  const http = () => request(app().getHttpServer());
  const as = {
    admin: () => tokenFor({ roles: ['admin'] }).then(bearer),
    inspector: () => tokenFor({ roles: ['inspector'], name: 'Auditor Inspektorat' }).then(bearer),
    operator: (opd: string) => tokenFor({ roles: ['opd_operator'], opd, name: `Operator ${opd}` }).then(bearer),
    head: (opd: string) => tokenFor({ roles: ['opd_head'], opd, name: `Kepala ${opd}` }).then(bearer),
    person: (nip: string, name: string) => tokenFor({ roles: ['employee', 'appraiser'], nip, name }).then(bearer),
  };
  const send = async (method: 'post' | 'put', path: string, headers: Headers, body: object | undefined, status: number) =>
    (
      await http()
        [method](path)
        .set(headers)
        .send(body)
        .expect((response) => {
          if (response.status !== status) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
        })
    ).body as { id: string; position: string; revision: number };
  const plan = (code: string, year: number) => `/api/v1/opds/${code}/plans/${year}`;

  return {
    http,
    as,
    registerOpd: async (code: string, name = `Unit ${code}`) => send('post', '/api/v1/opds', await as.admin(), { code, name }, 201),
    draftPlan: async (code: string, year: number, goals: object[]) => send('post', plan(code, year), await as.operator(code), { goals }, 201),
    approvedPlan: async (code: string, year: number, goals: object[]) => {
      await send('post', plan(code, year), await as.operator(code), { goals }, 201);
      await send('post', `${plan(code, year)}/submit`, await as.operator(code), undefined, 200);
      return send('post', `${plan(code, year)}/approve`, await as.head(code), undefined, 200);
    },
    returnedPlan: async (code: string, year: number, reason: string) => send('post', `${plan(code, year)}/return`, await as.head(code), { reason }, 200),
    approvedRevision: async (code: string, year: number, goals: object[], reason = 'Refocusing anggaran') => {
      await send('post', `${plan(code, year)}/revisions`, await as.operator(code), { reasonCategory: 'STRATEGY_CHANGED', reason, goals }, 201);
      await send('post', `${plan(code, year)}/submit`, await as.operator(code), undefined, 200);
      return send('post', `${plan(code, year)}/approve`, await as.head(code), undefined, 200);
    },
    report: async (code: string, year: number, quarter: number, values: object[]) =>
      send('post', `${plan(code, year)}/realisations/${quarter}`, await as.operator(code), { values }, 201),
    correct: async (code: string, year: number, quarter: number, values: object[], reason = 'Data susulan') =>
      send('post', `${plan(code, year)}/realisations/${quarter}/corrections`, await as.operator(code), { values, reason }, 201),
    /** An SKP drafted, submitted and agreed; `annual` rates the year with [result, behaviour]. */
    agreedSkp: async (skp: { nip: string; name: string; appraiserNip: string; opdCode: string; year: number; indicatorCode: string }) => {
      const path = `/api/v1/skp/${skp.nip}/${skp.year}`;
      const employee = await as.person(skp.nip, skp.name);
      const results = [
        {
          code: 'R1',
          statement: 'Hasil kerja',
          cascadedFrom: { kind: 'PLAN_INDICATOR', opdCode: skp.opdCode, year: skp.year, indicatorCode: skp.indicatorCode },
          indicators: [{ code: 'K1', name: 'Ukuran', unit: '%', polarity: 'HIGHER_IS_BETTER', target: 100 }],
        },
      ];
      await send('post', path, employee, { name: skp.name, position: 'Analis Kebijakan', opdCode: skp.opdCode, appraiserNip: skp.appraiserNip, results }, 201);
      await send('post', `${path}/submit`, employee, undefined, 200);
      return send('post', `${path}/agree`, await as.person(skp.appraiserNip, 'Penilai'), undefined, 200);
    },
    evaluate: async (nip: string, year: number, appraiserNip: string, period: string, resultRating: string, behaviourRating: string, note?: string) =>
      send(
        'post',
        `/api/v1/skp/${nip}/${year}/evaluations/${period}`,
        await as.person(appraiserNip, 'Penilai'),
        { resultRating, behaviourRating, ...(note ? { note } : {}) },
        201,
      ),
    publishedLkjip: async (code: string, year: number, options: { publish?: boolean; submit?: boolean; returnNotes?: string } = {}) => {
      const path = `/api/v1/opds/${code}/lkjip/${year}`;
      let last = await send('post', path, await as.operator(code), undefined, 201);
      if (options.submit === false) return last;
      for (const key of ['summary', 'introduction', 'planning', 'accountability', 'closing']) {
        await send('put', `${path}/sections/${key}`, await as.operator(code), { text: `Isi ${key}` }, 200);
      }
      last = await send('post', `${path}/submit`, await as.head(code), undefined, 200);
      if (options.returnNotes) {
        await send('post', `${path}/review`, await as.inspector(), { outcome: 'RETURNED', notes: options.returnNotes }, 200);
        last = await send('post', `${path}/submit`, await as.head(code), undefined, 200);
      }
      if (options.publish === false) return last;
      await send('post', `${path}/review`, await as.inspector(), { outcome: 'ACCEPTED' }, 200);
      return send('post', `${path}/publish`, await as.head(code), undefined, 200);
    },
    finding: async (body: object) => send('post', '/api/v1/audit-findings', await as.inspector(), body, 201),
    followUp: async (id: string, code: string, no: number, body: object) =>
      send('post', `/api/v1/audit-findings/${id}/recommendations/${no}/follow-ups`, await as.operator(code), body, 201),
    assess: async (id: string, no: number, status: string, note = 'Dinilai') =>
      send('post', `/api/v1/audit-findings/${id}/recommendations/${no}/assessments`, await as.inspector(), { status, note }, 201),
    delay: async (id: string, code: string, no: number, note = 'Bendahara sakit') =>
      send('post', `/api/v1/audit-findings/${id}/recommendations/${no}/delay-reasons`, await as.operator(code), { reasonCategory: 'ILLNESS', note }, 201),
  };
}

/** A finding body with its narrative; `recommendations` as given. */
export const findingBody = (opdCode: string, reportDate: string, recommendations: object[], extra: Record<string, unknown> = {}) => ({
  opdCode,
  reportNumber: `LHP-${opdCode}/${reportDate}`,
  reportDate,
  title: `Temuan ${opdCode}`,
  condition: 'Kondisi rahasia',
  criteria: 'Kriteria rahasia',
  cause: 'Sebab rahasia',
  effect: 'Akibat rahasia',
  category: 'NON_COMPLIANCE',
  recommendations,
  ...extra,
});
