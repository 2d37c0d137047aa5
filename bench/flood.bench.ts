/**
 * A flood of anonymous complaints from one address (npm run bench:flood): the built API on a
 * scratch database with the default ANONYMOUS_WRITES_PER_MINUTE, a signed-in read measured alone,
 * then again while FLOOD_CONNECTIONS clients post complaints as fast as they are answered. The
 * limit holds when all but the minute's allowance are 429 answers and nothing beyond it is
 * filed; nothing else degrades when the read's p99 during the flood stays near its own baseline.
 * The flood runs twice: a bot at a steady 1,000 requests a second, then clients as fast as the
 * server answers. Prints one JSON line: each flood's answers by status, complaints filed, and the
 * read alone and during each flood with the ratios of their p99s.
 */
import autocannon from 'autocannon';
import { Client } from 'pg';
import { tokenFor } from '../test/support/tokens';
import { ratio, run, SECONDS, withServers } from './http-support';

const READ_CONNECTIONS = 10;
const FLOOD_CONNECTIONS = 50;
const MODERATE_RATE = 1_000;
const COMPLAINT = JSON.stringify({ kind: 'PENGADUAN', subject: 'Banjir', text: 'Saluran tersumbat di depan pasar', publicText: false });

async function main(): Promise<void> {
  await withServers(async (api, _bare, servers) => {
    const admin = `Bearer ${await tokenFor({ roles: ['admin'] }, { expiresIn: '2h' })}`;
    const inspector = `Bearer ${await tokenFor({ roles: ['inspector'] }, { expiresIn: '2h' })}`;
    await fetch(`${api}/api/v1/opds`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: admin },
      body: JSON.stringify({ code: 'DINKES', name: 'Dinas Kesehatan' }),
    });
    const read = {
      url: api,
      connections: READ_CONNECTIONS,
      duration: SECONDS,
      requests: [{ method: 'GET' as const, headers: { Authorization: inspector }, path: '/api/v1/opds/DINKES' }],
    };
    // Warm, then the read alone.
    await autocannon({ ...read, duration: 3 });
    const alone = await run('signed-in read alone', read, servers.apiProcess);
    const floodOf = (overallRate?: number) =>
      autocannon({
        url: api,
        connections: FLOOD_CONNECTIONS,
        duration: SECONDS,
        ...(overallRate ? { overallRate } : {}),
        requests: [{ method: 'POST', path: '/public/v1/complaints', headers: { 'Content-Type': 'application/json' }, body: COMPLAINT }],
      });
    // A bot at a steady MODERATE_RATE, then one as fast as the server answers (on these two cores the generator takes one).
    const [moderate, duringModerate] = await Promise.all([floodOf(MODERATE_RATE), run(`signed-in read during a ${MODERATE_RATE} req/s flood`, read)]);
    const [flood, during] = await Promise.all([floodOf(), run('signed-in read during a flood at full speed', read)]);
    const client = new Client({ connectionString: servers.apiEnv.DATABASE_URL });
    await client.connect();
    const filed = Number((await client.query<{ count: string }>("SELECT count(*) AS count FROM kl_events WHERE event_type = 'ComplaintFiled'")).rows[0].count);
    await client.end();
    const byStatus = (flood as unknown as { statusCodeStats: Record<string, { count: number }> }).statusCodeStats;
    console.log(
      JSON.stringify({
        bench: 'flood',
        seconds: SECONDS,
        floodConnections: FLOOD_CONNECTIONS,
        floodRequests: flood.requests.total,
        floodRps: Math.round(flood.requests.average),
        floodByStatus: Object.fromEntries(Object.entries(byStatus).map(([status, { count }]) => [status, count])),
        moderateFloodByStatus: Object.fromEntries(
          Object.entries((moderate as unknown as { statusCodeStats: Record<string, { count: number }> }).statusCodeStats).map(([status, { count }]) => [
            status,
            count,
          ]),
        ),
        complaintsFiled: filed,
        allowancePerMinute: 20,
        moderateFloodRps: Math.round(moderate.requests.average),
        readAlone: { rps: alone.rps, p50Ms: alone.p50, p99Ms: alone.p99 },
        readDuringModerateFlood: { rps: duringModerate.rps, p50Ms: duringModerate.p50, p99Ms: duringModerate.p99, non2xx: duringModerate.non2xx },
        readDuringFlood: { rps: during.rps, p50Ms: during.p50, p99Ms: during.p99, non2xx: during.non2xx },
        readP99ModerateVsAlone: ratio(duringModerate.p99, alone.p99),
        readP99FullSpeedVsAlone: ratio(during.p99, alone.p99),
      }),
    );
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
