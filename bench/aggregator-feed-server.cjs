/**
 * The stand-in ledger of `npm run bench:aggregator`, in a process of its own so that serving
 * does not take the aggregator's CPU time in the measured process: a public feed of `count`
 * items made on the fly (each the size of a real PLAN_APPROVED item), then `rate` more items a
 * second from `liveAt` (ms since the epoch, set by a message) on. Prints its port.
 */
const { createServer } = require('node:http');

const count = Number(process.argv[2]);
const rate = Number(process.argv[3]);
let liveAt = Infinity;
process.on('message', (message) => (liveAt = message.liveAt));

const position = (n) => `${String(n).padStart(20, '0')}-00000000000000000000`;
const goals = JSON.stringify([
  {
    code: 'G1',
    statement: 'Meningkatnya derajat kesehatan masyarakat',
    indicators: [
      {
        code: 'I1',
        name: 'Cakupan pelayanan kesehatan dasar',
        unit: '%',
        polarity: 'HIGHER_IS_BETTER',
        aggregation: 'LAST',
        annualTarget: 90,
        quarterlyTargets: [80, 84, 87, 90],
      },
      {
        code: 'I2',
        name: 'Angka kematian ibu',
        unit: 'per 100.000',
        polarity: 'LOWER_IS_BETTER',
        aggregation: 'LAST',
        annualTarget: 70,
        quarterlyTargets: [80, 76, 73, 70],
      },
    ],
  },
]);
const item = (n) => {
  const opd = `OPD${n % 40}`;
  const year = 2020 + (n % 7);
  return `{"position":"${position(n)}","occurredAt":"${new Date(1_700_000_000_000 + n * 1000).toISOString()}","type":"PLAN_APPROVED","opdCode":"${opd}","year":${year},"title":"${opd} ${year}: Perjanjian Kinerja versi 1 disetujui","summary":"1 sasaran, 2 indikator","link":"/public/v1/opds/${opd}/${year}","pageUrl":"/opd/${opd}/${year}","details":{"version":1,"reasonCategory":null,"goals":${goals}}}`;
};
const visible = () => count + Math.max(0, Math.floor(((Date.now() - liveAt) * rate) / 1000));

const server = createServer((request, response) => {
  const url = new URL(request.url, 'http://x');
  if (url.pathname !== '/public/v1/feed') return response.writeHead(404).end('{}');
  const after = url.searchParams.get('after');
  const from = after ? Number(after.slice(0, 20)) + 1 : 1;
  const to = Math.min(visible(), from + Number(url.searchParams.get('limit') ?? 50) - 1);
  const items = [];
  for (let n = from; n <= to; n++) items.push(item(n));
  response
    .writeHead(200, { 'content-type': 'application/json' })
    .end(`{"items":[${items.join(',')}],"next":${items.length ? `"${position(to)}"` : JSON.stringify(after)}}`);
});
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
