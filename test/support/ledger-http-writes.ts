import { GOALS, YEAR } from './ledger-fixtures';
import { bearer, tokenFor } from './tokens';

/**
 * A unit's approved plan and first quarter, written to a running ledger over HTTP as its users
 * would: two public items (PLAN_APPROVED, REALISATION_REPORTED). For tests that follow ledgers
 * from outside (the aggregator's).
 */
export async function recordUnit(baseUrl: string, code: string): Promise<void> {
  const as = {
    admin: bearer(await tokenFor({ roles: ['admin'] })),
    operator: bearer(await tokenFor({ roles: ['opd_operator'], opd: code })),
    head: bearer(await tokenFor({ roles: ['opd_head'], opd: code })),
  };
  const plan = `/api/v1/opds/${code}/plans/${YEAR}`;
  const steps: Array<[string, Record<string, string>, object?]> = [
    ['/api/v1/opds', as.admin, { code, name: `Unit ${code}` }],
    [plan, as.operator, { goals: GOALS }],
    [`${plan}/submit`, as.operator],
    [`${plan}/approve`, as.head],
    [`${plan}/realisations/1`, as.operator, { values: [{ indicatorCode: 'I1', value: 85 }] }],
  ];
  for (const [path, headers, body] of steps) {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(20_000),
    });
    if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
  }
}

/** Every position of a ledger's public feed, read page by page straight from the ledger. */
export async function feedPositions(baseUrl: string): Promise<string[]> {
  const positions: string[] = [];
  for (;;) {
    const after = positions.at(-1);
    const response = await fetch(`${baseUrl}/public/v1/feed?limit=500${after ? `&after=${after}` : ''}`);
    const { items } = (await response.json()) as { items: Array<{ position: string }> };
    if (items.length === 0) return positions;
    positions.push(...items.map((item) => item.position));
  }
}
