/**
 * npm run bench:http: autocannon (50 connections unless a case says 20; BENCH_HTTP_SECONDS each, default 10) against
 * the built API on a scratch PostgreSQL database, beside three baselines measured in the same
 * run: a bare node:http JSON endpoint, NestJS on the same Fastify adapter answering a constant
 * (the framework's own floor), and the CRUD app a team would build for the same correction
 * without event sourcing (bench/crud-peer-server.ts: its write and by-id read, as
 * `crudPeerWrite…` and `crudPeerRead…`). Each server runs in its own process. The peer's
 * write, the ledger's correction and its SKP-sized write are measured in turn, three rounds
 * (BENCH_WRITE_ROUNDS), each reporting its median round, and each ratio to the peer's write
 * taken within a round (`realisationWriteToPeer`, `skpSizedWriteToPeer`). The correction
 * is measured again on a sibling that leaves the projections to
 * it (the compose layout's API and projector on the same cores). Two more
 * bounds, in the same run: the OPD read on a sibling API with the read cache off (what a read
 * that misses costs); and, with no HTTP in front, the database's own one-row transactions and the
 * event store's appends (what every write that commits before it answers is bounded by). The
 * last line is one JSON object with the figures, for programs. The SKP read and write close the
 * run, with BENCH_BEFORE_DIR against the build before sealing too (bench/personal-data.bench.ts).
 */
import { ChildProcess } from 'node:child_process';
import { tokenFor } from '../test/support/tokens';
import { withCrudPeer } from './crud-peer';
import { databaseWriteFloor } from './database-write-floor';
import { eventStoreAppendFloor } from './event-store-append-floor';
import { measureSealingCost } from './personal-data.bench';
import { freePort, ratio, run, RunSummary, SECONDS, start, stop, warmUp, withServers } from './http-support';
import { cpuSeconds } from './process-cpu';

const UNITS = 40;
const YEAR = 2025;
const unit = (n: number) => `UNIT-${n % UNITS}`;
const goals = [1, 2].map((g) => ({
  code: `G${g}`,
  statement: `Sasaran ${g}`,
  indicators: [1, 2, 3, 4, 5].map((i) => ({
    code: `I${g}${i}`,
    name: `Indikator ${g}.${i}`,
    unit: '%',
    polarity: 'HIGHER_IS_BETTER',
    aggregation: 'LAST',
    annualTarget: 80 + i,
  })),
}));
const indicatorCodes = goals.flatMap((goal) => goal.indicators.map((indicator) => indicator.code));

async function main(): Promise<void> {
  await withServers(async (api, bare, { nestFloor, apiEnv, apiProcess, bareProcess, nestFloorProcess }) => {
    const json = (token: string) => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' });
    const admin = json(await tokenFor({ roles: ['admin'] }, { expiresIn: '2h' }));
    const inspector = { Authorization: `Bearer ${await tokenFor({ roles: ['inspector'] }, { expiresIn: '2h' })}` };
    const operators = await Promise.all(
      Array.from({ length: UNITS }, async (_, n) => json(await tokenFor({ roles: ['opd_operator'], opd: unit(n) }, { expiresIn: '2h' }))),
    );
    const heads = await Promise.all(
      Array.from({ length: UNITS }, async (_, n) => json(await tokenFor({ roles: ['opd_head'], opd: unit(n) }, { expiresIn: '2h' }))),
    );
    const call = async (path: string, init: RequestInit) => {
      const response = await fetch(`${api}${path}`, init);
      if (!response.ok) throw new Error(`${init.method} ${path}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<{ id: string; position: string }>;
    };
    const findings: string[] = [];
    let lastPosition = '';
    for (let n = 0; n < UNITS; n++) {
      const plan = `/api/v1/opds/${unit(n)}/plans/${YEAR}`;
      await call('/api/v1/opds', { method: 'POST', headers: admin, body: JSON.stringify({ code: unit(n), name: `Unit ${n}` }) });
      await call(plan, { method: 'POST', headers: operators[n], body: JSON.stringify({ goals }) });
      await call(`${plan}/submit`, { method: 'POST', headers: operators[n] });
      await call(`${plan}/approve`, { method: 'POST', headers: heads[n] });
      await call(`${plan}/realisations/1`, {
        method: 'POST',
        headers: operators[n],
        body: JSON.stringify({ values: indicatorCodes.map((indicatorCode) => ({ indicatorCode, value: 40 })) }),
      });
      const finding = {
        opdCode: unit(n),
        reportNumber: `LHP-${n}/${YEAR}`,
        reportDate: `${YEAR}-03-01`,
        title: 'Temuan',
        condition: 'c',
        criteria: 'k',
        cause: 's',
        effect: 'a',
        category: 'NON_COMPLIANCE',
        recommendations: [{ text: 'Setor', amountIdr: 1_000_000 }],
      };
      const recorded = await call('/api/v1/audit-findings', {
        method: 'POST',
        headers: { ...inspector, 'Content-Type': 'application/json' },
        body: JSON.stringify(finding),
      });
      findings.push(recorded.id);
      lastPosition = recorded.position;
    }
    // The scorecards are projections: measure them once they hold every unit.
    await call(`/api/v1/dashboards/regency/${YEAR}`, { headers: { ...inspector, 'X-Min-Position': lastPosition } });
    let scorecards = 0;
    let plans = 0;
    let finds = 0;
    let corrections = 0;
    let large = 0;
    let projectorCpuUsPerWrite = 0;
    /** Each compared write's req/s over the peer's write of the same round, the median of the rounds. */
    let toPeer: Record<string, number> = {};
    const correction = (n: number, values: object[]) => ({
      method: 'POST' as const,
      path: `/api/v1/opds/${unit(n)}/plans/${YEAR}/realisations/1/corrections`,
      headers: operators[n % UNITS],
      body: JSON.stringify({ values, reason: `Koreksi ${n}` }),
    });
    /** A correction of one value, each of another plan and indicator than the one before. */
    const oneValueCorrection = {
      setupRequest: () => correction(corrections++, [{ indicatorCode: indicatorCodes[corrections % indicatorCodes.length], value: corrections % 90 }]),
    };
    // Unmeasured: the first seconds of a process run its code unoptimised, and the first case
    // measured would pay for that where the baselines, whose code is a few lines, hardly do.
    await warmUp([
      { url: bare },
      { url: `${nestFloor}/constant` },
      { url: api, requests: [{ method: 'GET', path: '/api/v1/opds/UNIT-7', headers: inspector }] },
      { url: api, requests: [{ method: 'GET', path: `/api/v1/opds/${unit(0)}/plans/${YEAR}`, headers: inspector }] },
    ]);
    const results: Record<string, RunSummary> = {
      bare: await run('bare node:http JSON endpoint', { url: bare }, bareProcess),
      nestFloor: await run('NestJS on Fastify answering a constant', { url: `${nestFloor}/constant` }, nestFloorProcess),
      getOpd: await run('GET /api/v1/opds/{code}', { url: api, requests: [{ method: 'GET', path: '/api/v1/opds/UNIT-7', headers: inspector }] }, apiProcess),
      // The same read on a sibling API with the read cache off: every read a database round trip.
      getOpdUncached: await withSibling({ ...apiEnv, READ_CACHE_MB: '0', PROJECTIONS_INLINE: 'false' }, async (sibling, siblingProcess) => {
        const opd = { url: sibling, requests: [{ method: 'GET' as const, path: '/api/v1/opds/UNIT-7', headers: inspector }] };
        await warmUp([opd]);
        return run('GET /api/v1/opds/{code}, read cache off (READ_CACHE_MB=0)', opd, siblingProcess);
      }),
      getPlan: await run(
        'GET /api/v1/opds/{code}/plans/{year}',
        {
          url: api,
          requests: [{ method: 'GET', headers: inspector, setupRequest: (request) => ({ ...request, path: `/api/v1/opds/${unit(plans++)}/plans/${YEAR}` }) }],
        },
        apiProcess,
      ),
      getFinding: await run(
        'GET /api/v1/audit-findings/{id}',
        {
          url: api,
          requests: [
            { method: 'GET', headers: inspector, setupRequest: (request) => ({ ...request, path: `/api/v1/audit-findings/${findings[finds++ % UNITS]}` }) },
          ],
        },
        apiProcess,
      ),
      publicScorecard: await run(
        'GET /public/v1/opds/{code}/{year} (one indexed read, no token)',
        {
          url: api,
          requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `/public/v1/opds/${unit(scorecards++)}/${YEAR}` }) }],
        },
        apiProcess,
      ),
      regency: await run(
        `GET /api/v1/dashboards/regency/{year} (${UNITS} units ranked)`,
        {
          url: api,
          requests: [{ method: 'GET', path: `/api/v1/dashboards/regency/${YEAR}`, headers: inspector }],
        },
        apiProcess,
      ),
      // The portal's regency page as the issue sets its target: 20 readers, p99 under 50 ms warm.
      bare20: await run('bare node:http JSON endpoint, 20 connections', { url: bare, connections: 20 }, bareProcess),
      regencyPage: await (async () => {
        // Warm: the first request renders the page for this state of the read models; the run reads what it kept.
        await fetch(`${api}/?year=${YEAR}`);
        return run(
          `GET /?year={year}, the portal's regency page (${UNITS} units), 20 connections`,
          { url: api, connections: 20, requests: [{ method: 'GET', path: `/?year=${YEAR}` }] },
          apiProcess,
        );
      })(),
      ...(apiEnv.DATABASE_URL
        ? { databaseWriteFloor: await databaseWriteFloor(apiEnv.DATABASE_URL), appendFloor: await eventStoreAppendFloor(apiEnv.DATABASE_URL) }
        : {}),
      // The third baseline: the same correction and a by-id read in a plain NestJS + TypeORM CRUD
      // app, its write measured in turn with the two writes the targets compare with it.
      ...(await (async () => {
        const realisation = { url: api, requests: [oneValueCorrection] };
        const sized = {
          url: api,
          requests: [
            {
              setupRequest: () =>
                correction(
                  large++,
                  indicatorCodes.map((indicatorCode, k) => ({
                    indicatorCode,
                    value: (large + k) % 90,
                    evidenceUrl: `https://dokumen.example.go.id/bukti/${large}/${k}.pdf`,
                    note: 'Realisasi sesuai laporan kegiatan bulanan dan bukti dukung terlampir',
                  })),
                ),
            },
          ],
        };
        // As the peer's write and the sibling's are: the write path's code optimised before it is
        // measured (the SKP-sized write's validation of ten evidence URLs is code no earlier case ran).
        await warmUp([realisation, sized]);
        const ours = {
          realisationWrite: () => run('POST a realisation correction (one value, 50 plans)', realisation, apiProcess),
          skpSizedWrite: () => run('POST an SKP-sized write (ten values with evidence and notes)', sized, apiProcess),
        };
        if (!apiEnv.DATABASE_URL) return medianRounds(await inTurn(ours));
        return withCrudPeer(apiEnv, UNITS, YEAR, operators, indicatorCodes, async (peer) => {
          const rounds = await inTurn({ crudPeerWrite: () => peer.write(), ...ours });
          toPeer = peerRatios(rounds);
          const { crudPeerWrite, ...compared } = medianRounds(rounds);
          return { crudPeerWrite, crudPeerRead: await peer.read(), ...compared };
        });
      })()),
      // The compose layout: an API that leaves projecting to another process (here the first
      // API, whose runners apply the sibling's events), both on the same two cores.
      realisationWriteProjectorApart: await withSibling({ ...apiEnv, PROJECTIONS_INLINE: 'false' }, async (sibling, siblingProcess) => {
        const target = { url: sibling, requests: [oneValueCorrection] };
        await warmUp([target]);
        const projectorBefore = cpuSeconds(apiProcess.pid!);
        const summary = await run('POST a realisation correction, projections in another process (PROJECTIONS_INLINE=false)', target, siblingProcess);
        // The projector may still be applying the last writes: count its CPU until it rests.
        for (let last = cpuSeconds(apiProcess.pid!); ;) {
          await new Promise((resolve) => setTimeout(resolve, 250));
          const now = cpuSeconds(apiProcess.pid!);
          if (now - last < 0.005) break;
          last = now;
        }
        projectorCpuUsPerWrite = Math.round(((cpuSeconds(apiProcess.pid!) - projectorBefore) * 1e6) / (summary.rps * SECONDS));
        return summary;
      }),
    };
    const { bare: bareRun, nestFloor: floorRun, bare20, regencyPage, appendFloor } = results;
    console.log(
      "\n| HTTP case (50 connections) | req/s | p50 ms | p99 ms | × bare node:http | × NestJS floor | × event store alone | server CPU µs/answer | NestJS floor's CPU ÷ this | non-2xx |",
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const result of Object.values(results)) {
      const toAppendFloor = appendFloor ? ratio(result.rps, appendFloor.rps) : '';
      const cpu = result.cpuUsPerRequest;
      const floorCpuShare = cpu && floorRun.cpuUsPerRequest ? ratio(floorRun.cpuUsPerRequest, cpu) : '';
      console.log(
        `| ${result.name} | ${result.rps} | ${result.p50} | ${result.p99} | ${ratio(result.rps, bareRun.rps)} | ${ratio(result.rps, floorRun.rps)} | ${toAppendFloor} | ${cpu ?? ''} | ${floorCpuShare} | ${result.non2xx} |`,
      );
    }
    console.log(
      `\nregency page (20 connections): ${regencyPage.rps} req/s, p99 ${regencyPage.p99} ms (target < 50), ${ratio(regencyPage.rps, bare20.rps)} × bare node:http at 20 connections`,
    );
    const figures: Record<string, number> = {};
    for (const [key, result] of Object.entries(results)) {
      figures[`${key}Rps`] = result.rps;
      figures[`${key}P50Ms`] = result.p50;
      figures[`${key}P99Ms`] = result.p99;
      figures[`${key}Non2xx`] = result.non2xx;
      if (result.cpuUsPerRequest !== undefined) figures[`${key}CpuUsPerRequest`] = result.cpuUsPerRequest;
    }
    // What the projector process spent on each of the sibling's corrections, beside the sibling's own CPU.
    figures.realisationWriteProjectorApartProjectorCpuUsPerRequest = projectorCpuUsPerWrite;
    Object.assign(figures, toPeer);
    Object.assign(figures, await measureSealingCost(api, apiProcess, apiEnv));
    console.log(JSON.stringify(figures));
  });
}

/** Another API process on the same database, for as long as `body` runs. */
async function withSibling<T>(env: Record<string, string | undefined>, body: (api: string, process: ChildProcess) => Promise<T>): Promise<T> {
  const port = await freePort();
  const sibling = await start('dist/apps/api/src/main.js', port, env);
  try {
    return await body(`http://127.0.0.1:${port}`, sibling);
  } finally {
    await stop(sibling);
  }
}

/**
 * The writes the targets compare with the peer's, measured one after another WRITE_ROUNDS
 * times, each round starting at the next case. This machine's speed drifts by a fifth within a
 * minute: measured once each, tens of seconds apart, a ratio moved with the drift; in turn, a
 * drift moves all of them alike, and a ratio is taken within a round.
 */
const WRITE_ROUNDS = writeRounds(process.env.BENCH_WRITE_ROUNDS ?? '3');

function writeRounds(text: string): number {
  const rounds = Number(text);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds % 2 === 0) throw new Error(`BENCH_WRITE_ROUNDS must be an odd whole number, not ${text}`);
  return rounds;
}

async function inTurn<Key extends string>(cases: Record<Key, () => Promise<RunSummary>>): Promise<Record<Key, RunSummary[]>> {
  const keys = Object.keys(cases) as Key[];
  const rounds = Object.fromEntries(keys.map((key) => [key, [] as RunSummary[]])) as Record<Key, RunSummary[]>;
  for (let round = 0; round < WRITE_ROUNDS; round++) {
    for (let turn = 0; turn < keys.length; turn++) {
      const key = keys[(round + turn) % keys.length];
      rounds[key].push(await cases[key]());
    }
  }
  return rounds;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Each case's round of median req/s, whole (its latencies and CPU are that round's). */
function medianRounds<Key extends string>(rounds: Record<Key, RunSummary[]>): Record<Key, RunSummary> {
  return Object.fromEntries(
    Object.entries<RunSummary[]>(rounds).map(([key, runs]) => {
      const rps = median(runs.map((run) => run.rps));
      return [key, runs.find((run) => run.rps === rps)!];
    }),
  ) as Record<Key, RunSummary>;
}

/** `<case>ToPeer`: the median over the rounds of the case's req/s over the peer's write in the same round. */
function peerRatios(rounds: Record<string, RunSummary[]>): Record<string, number> {
  const { crudPeerWrite: peer, ...ours } = rounds;
  const ratios: Record<string, number> = {};
  for (const [key, runs] of Object.entries(ours)) {
    const each = runs.map((run, round) => ratio(run.rps, peer[round].rps));
    ratios[`${key}ToPeer`] = median(each);
    console.log(`${key} × the peer's write, each round: ${each.join(', ')}; median ${ratios[`${key}ToPeer`]}`);
  }
  return ratios;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
