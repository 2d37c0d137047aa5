import request from 'supertest';
import { binary } from '../support/pdf-text';
import { csvLines, firstWorksheet, rowValues } from '../support/spreadsheets';
import { startTestApp, TestApp } from '../support/test-app';
import { TestClock } from '../support/test-clock';
import { bearer, tokenFor } from '../support/tokens';

type Headers = Record<string, string>;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EMPLOYEE = '198001012005011001';
const APPRAISER = '197502022000031002';

const indicator = (code: string, overrides: Record<string, unknown> = {}) => ({
  code,
  name: `Indikator ${code}`,
  unit: '%',
  polarity: 'HIGHER_IS_BETTER',
  aggregation: 'LAST',
  annualTarget: 90.5,
  quarterlyTargets: [80, 84, 87, 90.5],
  ...overrides,
});
const GOALS = [
  // A statement a spreadsheet would run as a formula, were it written as one.
  {
    code: 'G1',
    statement: '=HYPERLINK("http://evil.example","klik")',
    indicators: [indicator('I1'), indicator('I2', { name: '@SUM(A1)', quarterlyTargets: undefined })],
  },
  {
    code: 'G2',
    statement: 'Menurunnya stunting; balita',
    indicators: [indicator('I3', { polarity: 'LOWER_IS_BETTER', aggregation: 'SUM', annualTarget: 20, quarterlyTargets: undefined })],
  },
];

describe('lists as CSV and XLSX', () => {
  const clock = new TestClock('2025-01-10');
  let testApp: TestApp;
  const as: Record<string, Headers> = {};
  const http = () => request(testApp.app.getHttpServer());
  const plan = (code: string, year: number) => `/api/v1/opds/${code}/plans/${year}`;
  let ziPosition: string;
  let surveyCode: string;
  let participationPosition: string;
  const file = (path: string, headers: Headers) => http().get(path).set(headers).buffer(true).parse(binary);

  beforeAll(async () => {
    testApp = await startTestApp({}, { clock });
    as.admin = bearer(await tokenFor({ roles: ['admin'] }));
    as.inspector = bearer(await tokenFor({ roles: ['inspector'] }));
    as.operator = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DINKES' }));
    as.head = bearer(await tokenFor({ roles: ['opd_head'], opd: 'DINKES' }));
    as.otherOperator = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DISDIK' }));
    as.employee = bearer(await tokenFor({ roles: ['employee'], nip: EMPLOYEE }));
    as.appraiser = bearer(await tokenFor({ roles: ['appraiser'], nip: APPRAISER }));
    for (const code of ['DINKES', 'DISDIK'])
      await http()
        .post('/api/v1/opds')
        .set(as.admin)
        .send({ code, name: `Unit ${code}` })
        .expect(201);
    await http().post(plan('DINKES', 2025)).set(as.operator).send({ goals: GOALS }).expect(201);
    await http()
      .post(`${plan('DINKES', 2025)}/submit`)
      .set(as.operator)
      .expect(200);
    await http()
      .post(`${plan('DINKES', 2025)}/approve`)
      .set(as.head)
      .expect(200);
    clock.setToday('2025-04-05');
    await http()
      .post(`${plan('DINKES', 2025)}/realisations/1`)
      .set(as.operator)
      .send({ values: [{ indicatorCode: 'I1', value: 81.25 }] })
      .expect(201);
    for (const [opdCode, reportNumber] of [
      ['DINKES', 'LHP-01/2025'],
      ['DINKES', 'LHP-02/2025'],
      ['DINKES', '-LHP-03/2025'],
      ['DISDIK', 'LHP-04/2025'],
    ])
      await http()
        .post('/api/v1/audit-findings')
        .set(as.inspector)
        .send({
          opdCode,
          reportNumber,
          reportDate: '2025-03-01',
          receivedDate: '2025-03-03',
          title: 'Kelebihan pembayaran perjalanan dinas',
          condition: 'Terdapat kelebihan pembayaran',
          criteria: 'Perbup 12/2024',
          cause: 'Verifikasi lemah',
          effect: 'Kerugian daerah',
          category: 'NON_COMPLIANCE',
          amountIdr: 12_500_000,
          recommendations: [{ text: 'Setorkan kelebihan ke kas daerah', amountIdr: 12_500_000 }, { text: 'Tegur bendahara' }],
        })
        .expect(201);
    const skp = {
      name: 'Siti Aminah',
      position: 'Analis Kesehatan',
      opdCode: 'DINKES',
      appraiserNip: APPRAISER,
      results: [
        {
          code: 'R1',
          statement: 'Hasil kerja R1',
          cascadedFrom: { kind: 'PLAN_INDICATOR', opdCode: 'DINKES', year: 2025, indicatorCode: 'I1' },
          indicators: [{ code: 'K-R1', name: 'Cakupan', unit: '%', polarity: 'HIGHER_IS_BETTER', target: 100 }],
        },
      ],
    };
    await http().post(`/api/v1/skp/${EMPLOYEE}/2025`).set(as.employee).send(skp).expect(201);
    const declared = await http()
      .post('/api/v1/zi/DINKES.PKM-STABAT/2025')
      .set(as.head)
      .send({
        target: 'WBK',
        declaredOn: '2025-01-20',
        documentUrl: 'https://dinkes.example.go.id/zi/piagam.pdf',
        documentSha256: 'c'.repeat(64),
        team: [{ position: 'Kepala Puskesmas', duty: 'Penanggung jawab' }],
      })
      .expect(201);
    ziPosition = declared.body.position;
    as.upg = bearer(await tokenFor({ roles: ['upg'] }));
    await http()
      .post('/api/v1/gratifications')
      .set(as.employee)
      .send({
        receivedOn: '2025-04-01',
        giverRelation: 'Rekanan',
        form: 'MONEY',
        description: 'Amplop',
        valueIdr: 2_500_000,
        occasion: 'OTHER',
        opdCode: 'DINKES',
      })
      .expect(201);
    const survey = await http()
      .post('/api/v1/opds/DINKES/surveys')
      .set(as.operator)
      .send({ kind: 'SKM', service: 'Rawat jalan', year: 2025, quarter: 1, population: 100 })
      .expect(201);
    surveyCode = survey.body.surveyCode;
    const everyUnsur = (value: number) => Object.fromEntries(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'].map((unsur) => [unsur, value]));
    await http()
      .post(`/public/v1/surveys/${surveyCode}/responses`)
      .set('X-Min-Position', survey.body.position)
      .send({ answers: everyUnsur(3) })
      .expect(201);
    await http()
      .post(`/public/v1/surveys/${surveyCode}/responses`)
      .send({ answers: everyUnsur(4) })
      .expect(201);
    const closed = await http().post(`/api/v1/opds/DINKES/surveys/${surveyCode}/close`).set(as.operator).expect(200);
    participationPosition = closed.body.position;
    // Every list below reads what the fixtures wrote, on a loaded machine too.
    await http().get('/api/v1/opds').set(as.inspector).set('X-Min-Position', participationPosition).expect(200);
  });
  afterAll(() => testApp.close());

  describe('a plan', () => {
    it('is an XLSX by ?format=, with Indonesian headers, numbers as numbers and formulas left as text', async () => {
      const answer = await file(`${plan('DINKES', 2025)}?format=xlsx`, as.inspector).expect(200);
      expect(answer.headers['content-type']).toBe(XLSX);
      expect(answer.headers['content-disposition']).toBe('attachment; filename="Rencana-Kinerja-DINKES-2025.xlsx"');
      expect(answer.headers.etag).toBeUndefined();
      const sheet = await firstWorksheet(answer);
      expect(sheet.name).toBe('Rencana Kinerja');
      const rows = rowValues(sheet);
      expect(rows[0].slice(0, 12)).toEqual([
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
      ]);
      expect(rows).toHaveLength(4);
      expect(rows[1].slice(0, 12)).toEqual(['G1', GOALS[0].statement, 'I1', 'Indikator I1', '%', 'HIGHER_IS_BETTER', 'LAST', 90.5, 80, 84, 87, 90.5]);
      // A string cell, never a formula cell: Excel shows it and runs nothing.
      expect(sheet.getCell('B2').type).toBe(3 /* ValueType.String */);
      expect(sheet.getCell('D3').value).toBe('@SUM(A1)');
      expect(rows[1].slice(12, 17)).toEqual(['DINKES', 2025, 'APPROVED', 1, 81.25]);
    });

    it('is a CSV by Accept, with a BOM, ; between cells, decimal commas and formula-looking text made inert', async () => {
      const answer = await file(plan('DINKES', 2025), { ...as.operator, Accept: 'text/csv' }).expect(200);
      expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(answer.headers.vary).toContain('Accept');
      const lines = csvLines(answer);
      expect(lines[0].split(';').slice(0, 3)).toEqual(['Kode Sasaran', 'Sasaran Strategis', 'Kode Indikator']);
      expect(lines[1]).toMatch(
        /^G1;"'=HYPERLINK\(""http:\/\/evil.example"",""klik""\)";I1;Indikator I1;%;HIGHER_IS_BETTER;LAST;90,5;80;84;87;90,5;DINKES;2025;/,
      );
      expect(lines[2]).toMatch(/^G1;'=HYPERLINK|^G1;"'=HYPERLINK/);
      expect(lines[2].split(';')).toContain("'@SUM(A1)");
      expect(lines[3]).toMatch(/^G2;"Menurunnya stunting; balita";I3;/);
    });

    it('takes another separator by ?sep=, with decimal points then', async () => {
      const answer = await file(`${plan('DINKES', 2025)}?format=csv&sep=,`, as.inspector).expect(200);
      const lines = csvLines(answer);
      expect(lines[0].startsWith('Kode Sasaran,Sasaran Strategis,')).toBe(true);
      expect(lines[1]).toContain(',90.5,80,84,87,90.5,');
    });

    it('answers JSON as before without a format, and 400 for a format or separator it does not know', async () => {
      const json = await http().get(plan('DINKES', 2025)).set(as.inspector).expect(200);
      expect(json.headers['content-type']).toMatch(/^application\/json/);
      expect(json.body.goals).toHaveLength(2);
      for (const query of ['format=pdf', 'format=csv&sep=x', 'format=xlsx&sep=,']) {
        const refusal = await http()
          .get(`${plan('DINKES', 2025)}?${query}`)
          .set(as.inspector)
          .expect(400);
        expect(refusal.body.code).toBe('VALIDATION_FAILED');
      }
    });

    it('answers a missing plan 404 as the JSON does, and the list of a unit as rows of every plan', async () => {
      await http()
        .get(`${plan('DINKES', 2024)}?format=csv`)
        .set(as.inspector)
        .expect(404);
      const list = csvLines(await file('/api/v1/opds/DINKES/plans?year=2025&format=csv', as.inspector).expect(200));
      expect(list).toHaveLength(4);
    });
  });

  describe('the audit findings', () => {
    it('follow every page of the list, one recommendation a row, with rupiah and dates typed', async () => {
      const answer = await file('/api/v1/audit-findings?opd=DINKES&limit=1&format=xlsx', as.inspector).expect(200);
      const sheet = await firstWorksheet(answer);
      const rows = rowValues(sheet);
      expect(rows).toHaveLength(1 + 3 * 2);
      expect(new Set(rows.slice(1).map((row) => row[2]))).toEqual(new Set(['LHP-01/2025', 'LHP-02/2025', '-LHP-03/2025']));
      expect(rows.slice(1).every((row) => row[1] === 'DINKES')).toBe(true);
      const header = rows[0];
      const amount = sheet.getRow(2).getCell(header.indexOf('Nilai Temuan (Rp)') + 1);
      expect(amount.value).toBe(12_500_000);
      expect(amount.numFmt).toBe('"Rp" #,##0');
      const reportDate = sheet.getRow(2).getCell(header.indexOf('Tanggal LHP') + 1);
      expect(reportDate.value).toEqual(new Date('2025-03-01T00:00:00Z'));
      expect(reportDate.numFmt).toBe('dd/mm/yyyy');
    });

    it('are refused to another unit as the JSON list is, and limited to the own unit', async () => {
      await http().get('/api/v1/audit-findings?opd=DINKES&format=csv').set(as.otherOperator).expect(403);
      const own = csvLines(await file('/api/v1/audit-findings?format=csv', as.otherOperator).expect(200));
      expect(own.slice(1).every((line) => line.split(';')[1] === 'DISDIK')).toBe(true);
      expect(own).toHaveLength(1 + 2);
      expect(own.some((line) => line.includes(";'-LHP-03/2025;"))).toBe(false);
      const dinkes = csvLines(await file('/api/v1/audit-findings?format=csv', as.operator).expect(200));
      expect(dinkes.some((line) => line.includes(";'-LHP-03/2025;"))).toBe(true);
    });

    it('sum up per unit as a sheet', async () => {
      const rows = rowValues(await firstWorksheet(await file('/api/v1/audit-findings/summary?year=2025&format=xlsx', as.inspector).expect(200)));
      expect(rows[0][0]).toBe('Kode OPD');
      expect(rows.slice(1).map((row) => [row[0], row[1], row[8]])).toEqual([
        ['DINKES', 6, 37_500_000],
        ['DISDIK', 2, 12_500_000],
      ]);
    });
  });

  describe('the dashboards', () => {
    it('give the regency ranking with its rank', async () => {
      const lines = csvLines(await file('/api/v1/dashboards/regency/2025?format=csv', as.operator).expect(200));
      expect(lines[0].split(';').slice(0, 3)).toEqual(['Peringkat', 'Kode OPD', 'Tahun']);
      expect(lines.slice(1).map((line) => line.split(';').slice(0, 2))).toEqual([
        ['1', 'DINKES'],
        ['2', 'DISDIK'],
      ]);
    });

    it('give the red-flag register to the inspectorate, and 403 to an employee as the JSON does', async () => {
      const answer = await file('/api/v1/dashboards/red-flags?format=xlsx', as.inspector).expect(200);
      expect(rowValues(await firstWorksheet(answer))[0][0]).toBe('Kode');
      await http().get('/api/v1/dashboards/red-flags?format=xlsx').set(as.employee).expect(403);
    });
  });

  describe('the Zona Integritas units', () => {
    it('give the inspectorate one unit a row, stage and scores typed, and 403 to an operator as the JSON does', async () => {
      const lines = csvLines(await file('/api/v1/zi?year=2025&format=csv', { ...as.inspector, 'X-Min-Position': ziPosition }).expect(200));
      expect(lines[0].split(';').slice(0, 6)).toEqual(['Unit', 'Kode OPD', 'Tahun', 'Target', 'Tahap', 'Tanggal Pencanangan']);
      expect(lines.slice(1).map((line) => line.split(';').slice(0, 5))).toEqual([['DINKES.PKM-STABAT', 'DINKES', '2025', 'WBK', 'DECLARED']]);
      const answer = await file('/api/v1/zi?year=2025&format=xlsx', as.inspector).expect(200);
      expect(rowValues(await firstWorksheet(answer))[1].slice(0, 3)).toEqual(['DINKES.PKM-STABAT', 'DINKES', 2025]);
      await http().get('/api/v1/zi?year=2025&format=csv').set(as.operator).expect(403);
    });
  });

  describe('participation', () => {
    it('gives the UPG the gratification register opened, rupiah as numbers, and 403 to an operator as the JSON does', async () => {
      const lines = csvLines(await file('/api/v1/gratifications?format=csv', { ...as.upg, 'X-Min-Position': participationPosition }).expect(200));
      expect(lines[0].split(';').slice(0, 4)).toEqual(['ID Laporan', 'NIP Pelapor', 'Kode OPD', 'Status']);
      expect(lines).toHaveLength(2);
      const cells = lines[1].split(';');
      expect(cells.slice(1, 4)).toEqual([EMPLOYEE, 'DINKES', 'REPORTED']);
      expect(cells).toContain('2500000');
      const sheet = rowValues(await firstWorksheet(await file('/api/v1/gratifications?format=xlsx', as.upg).expect(200)));
      expect(sheet[1][11]).toBe(2_500_000);
      await http().get('/api/v1/gratifications?format=csv').set(as.operator).expect(403);
    });

    it("gives anyone the closed surveys' results as open data, with the integrity head in its first lines", async () => {
      const text = (await http().get('/public/v1/surveys/results.csv?opd=DINKES&year=2025').buffer(true).parse(binary).expect(200)).body.toString('utf8');
      const lines = text.replace(/^\uFEFF/, '').split('\r\n');
      expect(lines[0]).toMatch(/^# Sumber: \/public\/v1\/surveys/);
      expect(lines[1]).toMatch(/^# Kepala integritas/);
      const header = lines[2].split(';');
      const row = lines[3].split(';');
      expect(row[header.indexOf('Kode Survei')]).toBe(surveyCode);
      // Two answers, all 3s and all 4s: every NRR 3.5, IKM 3.5 × 25 = 87.5, mutu B (76.61 ≤ 87.5 < 88.31).
      expect([row[header.indexOf('IKM')], row[header.indexOf('Mutu')], row[header.indexOf('NRR U1')]]).toEqual(['87,5', 'B', '3,5']);
    });
  });

  describe('the SKP lists', () => {
    it('give the unit and the appraiser their SKPs with the names the JSON list gives them', async () => {
      const unit = csvLines(await file('/api/v1/opds/DINKES/skp?format=csv', as.head).expect(200));
      expect(unit[0].split(';').slice(0, 2)).toEqual(['NIP', 'Nama']);
      expect(unit[1].split(';').slice(0, 3)).toEqual([EMPLOYEE, 'Siti Aminah', 'Analis Kesehatan']);
      const appraiser = rowValues(await firstWorksheet(await file('/api/v1/skp?format=xlsx', as.appraiser).expect(200)));
      expect(appraiser.slice(1).map((row) => row[0])).toEqual([EMPLOYEE]);
      await http().get('/api/v1/opds/DINKES/skp?format=csv').set(as.otherOperator).expect(403);
    });
  });
});
