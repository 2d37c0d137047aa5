import { Database } from '@app/database';
import { DATABASE } from '@app/platform';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import request from 'supertest';
import { binary } from '../support/pdf-text';
import { firstWorksheet, rowValues } from '../support/spreadsheets';
import { startTestApp, TestApp } from '../support/test-app';
import { TestClock } from '../support/test-clock';
import { bearer, tokenFor } from '../support/tokens';

type Headers = Record<string, string>;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = [
  'Kode Sasaran',
  'Sasaran Strategis',
  'Kode Indikator',
  'Indikator Kinerja',
  'Satuan',
  'Polaritas',
  'Agregasi',
  'Target Tahunan',
  'Target TW I',
  'Target TW II',
  'Target TW III',
  'Target TW IV',
];
const ROWS: unknown[][] = [
  ['G1', 'Meningkatnya derajat kesehatan masyarakat', 'I1', 'Persentase balita gizi baik', '%', 'HIGHER_IS_BETTER', 'LAST', 90, 80, 84, 87, 90],
  ['G1', 'Meningkatnya derajat kesehatan masyarakat', 'I2', 'Cakupan imunisasi', '%', 'HIGHER_IS_BETTER', 'AVERAGE', 95.5],
  ['G2', 'Menurunnya stunting', 'I3', 'Prevalensi stunting', '%', 'LOWER_IS_BETTER', 'LAST', 14],
];

/** A workbook as an operator would save it from Excel: the template's headers, then rows. */
async function workbook(rows: unknown[][] = ROWS, change?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Rencana Kinerja');
  sheet.addRow(HEADERS);
  rows.forEach((row) => sheet.addRow(row));
  change?.(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('a plan imported from a workbook', () => {
  const clock = new TestClock('2025-01-10');
  let testApp: TestApp;
  let database: Database;
  const as: Record<string, Headers> = {};
  const http = () => request(testApp.app.getHttpServer());
  const plan = (code: string, year: number) => `/api/v1/opds/${code}/plans/${year}`;
  const upload = (
    code: string,
    year: number,
    file: Buffer,
    options: { headers?: Headers; filename?: string; contentType?: string; fields?: Record<string, string> } = {},
  ) => {
    let call = http()
      .post(`${plan(code, year)}/import`)
      .set(options.headers ?? as[`operator${code}`]);
    for (const [name, value] of Object.entries(options.fields ?? {})) call = call.field(name, value);
    return call.attach('file', file, { filename: options.filename ?? 'rencana.xlsx', contentType: options.contentType ?? XLSX });
  };

  async function eventCount(): Promise<number> {
    const { rows } = await database.pool.query<{ count: string }>('SELECT count(*) AS count FROM kl_events');
    return Number(rows[0].count);
  }

  async function read(code: string, year: number, position: string) {
    return (await http().get(plan(code, year)).set(as.inspector).set('X-Min-Position', position).expect(200)).body;
  }

  /** The import is refused and the log did not grow. */
  async function refused(call: request.Test, status: number) {
    const before = await eventCount();
    const answer = await call.expect(status);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await eventCount()).toBe(before);
    return answer.body;
  }

  beforeAll(async () => {
    testApp = await startTestApp({}, { clock });
    database = testApp.app.get(DATABASE);
    as.admin = bearer(await tokenFor({ roles: ['admin'] }));
    as.inspector = bearer(await tokenFor({ roles: ['inspector'] }));
    for (const code of ['DINKES', 'DISDIK', 'BAPPEDA', 'DISHUB']) {
      await http()
        .post('/api/v1/opds')
        .set(as.admin)
        .send({ code, name: `Unit ${code}` })
        .expect(201);
      as[`operator${code}`] = bearer(await tokenFor({ roles: ['opd_operator'], opd: code }));
      as[`head${code}`] = bearer(await tokenFor({ roles: ['opd_head'], opd: code }));
    }
  });
  afterAll(() => testApp.close());

  it('serves the template: Indonesian headers, drop-down lists for polarity and aggregation, an example row', async () => {
    const answer = await http().get('/api/v1/opds/DINKES/plans/import-template.xlsx').set(as.operatorDINKES).buffer(true).parse(binary).expect(200);
    expect(answer.headers['content-type']).toBe(XLSX);
    const sheet = await firstWorksheet(answer);
    const rows = rowValues(sheet);
    expect(rows[0]).toEqual(HEADERS);
    expect(rows[1]).toEqual([
      'G1',
      'Meningkatnya derajat kesehatan masyarakat',
      'I1',
      'Persentase balita gizi baik',
      '%',
      'HIGHER_IS_BETTER',
      'LAST',
      90,
      80,
      84,
      87,
      90,
    ]);
    expect(sheet.getCell('F2').dataValidation).toMatchObject({ type: 'list', formulae: ['"HIGHER_IS_BETTER,LOWER_IS_BETTER"'] });
    expect(sheet.getCell('G300').dataValidation).toMatchObject({ type: 'list', formulae: ['"LAST,SUM,AVERAGE"'] });
  });

  it('drafts a plan from the template as it is served', async () => {
    const template = (await http().get('/api/v1/opds/BAPPEDA/plans/import-template.xlsx').set(as.operatorBAPPEDA).buffer(true).parse(binary).expect(200))
      .body as Buffer;
    const answer = await upload('BAPPEDA', 2025, template).expect(201);
    expect(answer.headers.location).toBe('/api/v1/opds/BAPPEDA/plans/2025');
    expect((await read('BAPPEDA', 2025, answer.body.position)).goals[0].indicators[0]).toMatchObject({
      code: 'I1',
      annualTarget: 90,
      quarterlyTargets: [80, 84, 87, 90],
    });
  });

  it('drafts what the JSON draft would: the same goals, indicators and event', async () => {
    const before = await eventCount();
    const answer = await upload('DINKES', 2025, await workbook()).expect(201);
    expect(answer.body).toMatchObject({ id: 'DINKES-2025', revision: 0 });
    expect(await eventCount()).toBe(before + 1);
    const view = await read('DINKES', 2025, answer.body.position);
    expect(view.status).toBe('DRAFT');
    expect(
      view.goals.map((goal: { code: string; statement: string; indicators: Array<Record<string, unknown>> }) => [
        goal.code,
        goal.statement,
        goal.indicators.map((i) => [i.code, i.annualTarget, i.quarterlyTargets]),
      ]),
    ).toEqual([
      [
        'G1',
        'Meningkatnya derajat kesehatan masyarakat',
        [
          ['I1', 90, [80, 84, 87, 90]],
          ['I2', 95.5, null],
        ],
      ],
      ['G2', 'Menurunnya stunting', [['I3', 14, null]]],
    ]);
    const { rows } = await database.pool.query<{ event_type: string }>("SELECT event_type FROM kl_events WHERE stream_name = 'plan-DINKES-2025'");
    expect(rows.map((row) => row.event_type)).toEqual(['PlanDrafted']);
  });

  it('replaces the content of a plan still in draft as PUT does, answering 200', async () => {
    await upload('DINKES', 2026, await workbook()).expect(201);
    const answer = await upload('DINKES', 2026, await workbook([ROWS[2]])).expect(200);
    expect(answer.body.revision).toBe(1);
    expect((await read('DINKES', 2026, answer.body.position)).goals.map((goal: { code: string }) => goal.code)).toEqual(['G2']);
  });

  it('names every bad cell at once, by sheet and cell, and writes nothing', async () => {
    const rows = [
      ['G1', 'Sasaran', 'I1', 'Indikator', '%', 'UP', 'LAST', 'sembilan puluh'],
      ['G1', 'Sasaran', 'I2', '', '%', 'HIGHER_IS_BETTER', 'LAST', 90, 80, 84],
    ];
    const body = await refused(upload('DISDIK', 2025, await workbook(rows)), 400);
    const fields = body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['Rencana Kinerja!F2', 'Rencana Kinerja!H2', 'Rencana Kinerja!D3']));
    expect(body.errors.find((error: { field: string }) => error.field === 'Rencana Kinerja!H2').message).toMatch(/annualTarget must be a number/);
    expect(fields.some((field: string) => /^Rencana Kinerja!(I|K|L)3$/.test(field))).toBe(true);
    expect(body.detail).toMatch(/^The workbook has \d+ error\(s\): Rencana Kinerja!/);
  });

  it('refuses a sheet without the template headers', async () => {
    const body = await refused(upload('DISDIK', 2025, await workbook(ROWS, (sheet) => (sheet.getCell('H1').value = 'Target'))), 400);
    expect(body.errors).toEqual([{ field: 'Rencana Kinerja!H1', message: 'the header must be "Target Tahunan", as in the template' }]);
  });

  it('refuses a formula, naming its cell', async () => {
    const body = await refused(
      upload('DISDIK', 2025, await workbook(ROWS, (sheet) => (sheet.getCell('H2').value = { formula: '80+10', result: 90 } as ExcelJS.CellFormulaValue))),
      400,
    );
    expect(body.errors).toEqual([{ field: 'Rencana Kinerja!H2', message: 'a formula is not read; paste its value instead' }]);
  });

  it('refuses a zip bomb before unpacking it', async () => {
    const zip = await JSZip.loadAsync(await workbook());
    zip.file('xl/media/padding.bin', Buffer.alloc(64 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const body = await refused(upload('DISDIK', 2025, bomb), 400);
    expect(body.detail).toMatch(/unpacks to more than/);
  });

  it('refuses a workbook whose entry unpacks to more than it declares', async () => {
    const zip = await JSZip.loadAsync(await workbook());
    zip.file('xl/media/padding.bin', Buffer.alloc(1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    // Rewrite the central directory's uncompressed size of the padding to 1 KiB: a lying bomb.
    const name = Buffer.from('xl/media/padding.bin');
    const at = bytes.indexOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x01, 0x02])]), bytes.lastIndexOf(name) - 46);
    expect(bytes.toString('utf8', at + 46, at + 46 + name.length)).toBe('xl/media/padding.bin');
    bytes.writeUInt32LE(1024, at + 24);
    const body = await refused(upload('DISDIK', 2025, bytes), 400);
    expect(body.detail).toMatch(/unpacks to more than it declares/);
  });

  it('refuses a macro-enabled workbook, by its VBA project or by its type, with 415', async () => {
    const zip = await JSZip.loadAsync(await workbook());
    zip.file('xl/vbaProject.bin', Buffer.from('Attribute VB_Name = "Module1"'));
    const withMacros = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect((await refused(upload('DISDIK', 2025, withMacros), 415)).detail).toMatch(/macros/);
    const xlsm = await refused(
      upload('DISDIK', 2025, await workbook(), { filename: 'rencana.xlsm', contentType: 'application/vnd.ms-excel.sheet.macroEnabled.12' }),
      415,
    );
    expect(xlsm.detail).toMatch(/\.xlsm/);
  });

  it('refuses anything but a multipart .xlsx with 415, and a file that is no workbook with 400', async () => {
    await refused(upload('DISDIK', 2025, Buffer.from('Kode Sasaran;Sasaran\r\n'), { filename: 'rencana.csv', contentType: 'text/csv' }), 415);
    await refused(
      http()
        .post(`${plan('DISDIK', 2025)}/import`)
        .set(as.operatorDISDIK)
        .send({ goals: [] }),
      415,
    );
    await refused(
      http()
        .post(`${plan('DISDIK', 2025)}/import`)
        .set(as.operatorDISDIK)
        .set('Content-Type', XLSX)
        .send(await workbook()),
      415,
    );
    await refused(upload('DISDIK', 2025, Buffer.from('not a zip at all')), 400);
  });

  it('refuses a file over the limit with 413', async () => {
    await refused(upload('DISDIK', 2025, Buffer.alloc(3 * 1024 * 1024, 1)), 413);
  });

  it('is refused to another unit’s operator', async () => {
    await refused(upload('DISDIK', 2025, await workbook(), { headers: as.operatorDINKES }), 403);
  });

  it('proposes a revision of an approved plan, with the reason given beside the file', async () => {
    await upload('DISHUB', 2025, await workbook()).expect(201);
    await http()
      .post(`${plan('DISHUB', 2025)}/submit`)
      .set(as.operatorDISHUB)
      .expect(200);
    await http()
      .post(`${plan('DISHUB', 2025)}/approve`)
      .set(as.headDISHUB)
      .expect(200);
    const revised = await workbook([...ROWS, ['G2', 'Menurunnya stunting', 'I4', 'Balita ditimbang', '%', 'HIGHER_IS_BETTER', 'LAST', 85]]);
    const missing = await refused(upload('DISHUB', 2025, revised), 400);
    expect(missing.errors.map((error: { field: string }) => error.field).sort()).toEqual(['reason', 'reasonCategory']);
    const answer = await upload('DISHUB', 2025, revised, { fields: { reasonCategory: 'STRATEGY_CHANGED', reason: 'Program baru dari Bupati' } }).expect(201);
    const view = await read('DISHUB', 2025, answer.body.position);
    expect(view.status).toBe('REVISION_DRAFT');
    expect(view.pendingRevision).toMatchObject({ reasonCategory: 'STRATEGY_CHANGED', reason: 'Program baru dari Bupati' });
    expect(view.pendingRevision.goals[1].indicators.map((indicator: { code: string }) => indicator.code)).toEqual(['I3', 'I4']);
  });

  it('lands once when retried with the same Idempotency-Key, and 409 for another file under it', async () => {
    const file = await workbook([ROWS[0]]);
    const key = { ...as.operatorDISDIK, 'Idempotency-Key': 'import-disdik-2026' };
    const first = await upload('DISDIK', 2026, file, { headers: key }).expect(201);
    const before = await eventCount();
    const again = await upload('DISDIK', 2026, file, { headers: key }).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await eventCount()).toBe(before);
    await upload('DISDIK', 2026, await workbook([ROWS[1]]), { headers: key }).expect(409);

    // A replaced draft answers 200, and so does its replay: the status the first attempt gave.
    const replacing = { ...as.operatorDISDIK, 'Idempotency-Key': 'replace-disdik-2026' };
    const replacement = await workbook([ROWS[2]]);
    const replaced = await upload('DISDIK', 2026, replacement, { headers: replacing }).expect(200);
    const replayed = await upload('DISDIK', 2026, replacement, { headers: replacing }).expect(200);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.body).toEqual(replaced.body);
  });

  it('takes back an exported plan into another unit: the same goals and indicators', async () => {
    const exported = (
      await http()
        .get(`${plan('DINKES', 2025)}?format=xlsx`)
        .set(as.inspector)
        .buffer(true)
        .parse(binary)
        .expect(200)
    ).body as Buffer;
    const answer = await upload('DISDIK', 2025, exported).expect(201);
    const content = (view: { goals: Array<{ code: string; statement: string; indicators: Array<Record<string, unknown>> }> }) =>
      view.goals.map(({ code, statement, indicators }) => ({
        code,
        statement,
        indicators: indicators.map(({ code, name, unit, polarity, aggregation, annualTarget, quarterlyTargets }) => ({
          code,
          name,
          unit,
          polarity,
          aggregation,
          annualTarget,
          quarterlyTargets,
        })),
      }));
    const original = (await http().get(plan('DINKES', 2025)).set(as.inspector).expect(200)).body;
    const copy = await read('DISDIK', 2025, answer.body.position);
    expect(content(copy)).toEqual(content(original));
    expect(copy.opdCode).toBe('DISDIK');
  });
});
