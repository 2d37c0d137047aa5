/**
 * npm run bench:personal-data: what sealing personal data costs the SKP (DOMAIN.md, Personal
 * data at rest; the target is under 15 % slower). The built API on a scratch database reads 40
 * agreed SKPs by key and re-evaluates them (bench/skp-http-cases.ts). With BENCH_BEFORE_DIR (a
 * checkout of the commit before personal data was sealed, built with `npm run build`) the same
 * cases run against that build too, on a database of its own, interleaved with this build's, and
 * the lines after the table say how much slower sealing makes them, in req/s and in the API's CPU
 * per answer (the steadier figure on a busy machine). The last line is one JSON object.
 */
import { ChildProcess } from 'node:child_process';
import { ratio, RunSummary, withServers } from './http-support';
import { seedSkps, skpCases, withBeforeApi } from './skp-http-cases';

/**
 * The SKP cases on `api` (and, with BENCH_BEFORE_DIR, on the build before sealing), printed as a
 * table and a line per case saying how much slower sealing makes it; answers the figures.
 */
export async function measureSealingCost(api: string, apiProcess: ChildProcess, apiEnv: Record<string, string | undefined>): Promise<Record<string, number>> {
  await seedSkps(api);
  const sealed = await skpCases(api, apiProcess, 'personal data sealed');
  const results: Record<string, RunSummary> = {};
  const beforeDir = process.env.BENCH_BEFORE_DIR;
  if (beforeDir) {
    await withBeforeApi(beforeDir, apiEnv, async (beforeApi, beforeProcess) => {
      await seedSkps(beforeApi);
      const plain = await skpCases(beforeApi, beforeProcess, 'before sealing');
      results.skpReadBefore = await plain.read();
      results.skpRead = await sealed.read();
      results.skpWriteBefore = await plain.write();
      results.skpWrite = await sealed.write();
    });
  } else {
    results.skpRead = await sealed.read();
    results.skpWrite = await sealed.write();
  }
  console.log('\n| SKP case (50 connections) | req/s | p50 ms | p99 ms | server CPU µs/answer | non-2xx |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const result of Object.values(results)) {
    console.log(`| ${result.name} | ${result.rps} | ${result.p50} | ${result.p99} | ${result.cpuUsPerRequest ?? ''} | ${result.non2xx} |`);
  }
  const figures: Record<string, number> = {};
  for (const [kind, after, before] of [
    ['Read', results.skpRead, results.skpReadBefore],
    ['Write', results.skpWrite, results.skpWriteBefore],
  ] as const) {
    figures[`skp${kind}Rps`] = after.rps;
    figures[`skp${kind}P99Ms`] = after.p99;
    if (after.cpuUsPerRequest !== undefined) figures[`skp${kind}CpuUsPerRequest`] = after.cpuUsPerRequest;
    if (!before) continue;
    const slower = Math.round((1 - after.rps / before.rps) * 1000) / 10;
    figures[`skp${kind}BeforeRps`] = before.rps;
    figures[`skp${kind}SlowerPercent`] = slower;
    const cpu = before.cpuUsPerRequest && after.cpuUsPerRequest ? ` CPU per answer ${ratio(after.cpuUsPerRequest, before.cpuUsPerRequest)} × before's` : '';
    if (before.cpuUsPerRequest && after.cpuUsPerRequest)
      figures[`skp${kind}CpuRatio`] = Math.round((after.cpuUsPerRequest / before.cpuUsPerRequest) * 1000) / 1000;
    console.log(
      `SKP ${kind.toLowerCase()}: ${before.rps} req/s (p99 ${before.p99} ms) before sealing, ${after.rps} req/s (p99 ${after.p99} ms) sealed: ${slower} % slower (target < 15 %);${cpu}`,
    );
  }
  return figures;
}

async function main(): Promise<void> {
  await withServers(async (api, _bare, { apiEnv, apiProcess }) => {
    console.log(JSON.stringify(await measureSealingCost(api, apiProcess, apiEnv)));
  });
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
