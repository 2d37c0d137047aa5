/**
 * Fills an empty store with an invented regency, through the running service's HTTP API (the
 * same write path as any client), so that the portal and the dashboards show something:
 *   npm run demo [-- --url http://127.0.0.1:3000] [--year 2026] [--force]
 *
 * Six units with their plans for the year (goals, indicators, the quarters that have ended
 * reported; one correction, one revision, one plan still awaiting approval), SKPs agreed and
 * rated, two audit findings with follow-ups, one LKjIP published. Every name, NIP, number and
 * figure is invented. Tokens are signed like `npm run token` does: with AUTH_JWT_SECRET, or
 * the development secret when it is unset (on the service too).
 *
 * It refuses (exit 1, nothing written) a store that already holds units or events, unless
 * --force; with --force a unit code the store already has stops it at that request.
 */
import { DEVELOPMENT_JWT_SECRET } from '@app/config';
import { SignJWT } from 'jose';
import { parseArgs } from 'node:util';

type Polarity = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';
type Aggregation = 'LAST' | 'SUM' | 'AVERAGE';

interface Indicator {
  code: string;
  name: string;
  unit: string;
  polarity: Polarity;
  aggregation: Aggregation;
  annualTarget: number;
  quarterlyTargets?: number[];
}

interface Goal {
  code: string;
  statement: string;
  indicators: Indicator[];
}

interface Unit {
  code: string;
  name: string;
  /** How well the unit delivers: its realisations are this share of the target, roughly. */
  performance: number;
  goals: Goal[];
  /** Its plan stays submitted, waiting for the head. */
  awaitingApproval?: boolean;
}

const indicator = (code: string, name: string, unit: string, annualTarget: number, more: Partial<Indicator> = {}): Indicator => ({
  code,
  name,
  unit,
  polarity: 'HIGHER_IS_BETTER',
  aggregation: 'LAST',
  annualTarget,
  ...more,
});

const UNITS: Unit[] = [
  {
    code: 'DINKES',
    name: 'Dinas Kesehatan',
    performance: 1.02,
    goals: [
      {
        code: 'G1',
        statement: 'Meningkatnya derajat kesehatan masyarakat',
        indicators: [
          indicator('I1', 'Persentase balita dengan status gizi baik', '%', 90, { quarterlyTargets: [80, 84, 87, 90] }),
          indicator('I2', 'Angka kematian ibu per 100.000 kelahiran hidup', 'per 100.000 KH', 95, { polarity: 'LOWER_IS_BETTER' }),
        ],
      },
      {
        code: 'G2',
        statement: 'Meningkatnya mutu pelayanan kesehatan dasar',
        indicators: [indicator('I3', 'Puskesmas terakreditasi paripurna', 'puskesmas', 12)],
      },
    ],
  },
  {
    code: 'DISDIK',
    name: 'Dinas Pendidikan dan Kebudayaan',
    performance: 0.97,
    goals: [
      {
        code: 'G1',
        statement: 'Meningkatnya akses pendidikan dasar',
        indicators: [
          indicator('I1', 'Angka partisipasi murni SD/MI', '%', 98, { aggregation: 'AVERAGE' }),
          indicator('I2', 'Angka putus sekolah SMP/MTs', '%', 0.5, { polarity: 'LOWER_IS_BETTER' }),
        ],
      },
      {
        code: 'G2',
        statement: 'Meningkatnya mutu pendidik',
        indicators: [indicator('I3', 'Guru bersertifikat pendidik', '%', 75)],
      },
    ],
  },
  {
    code: 'BAPPEDA',
    name: 'Badan Perencanaan Pembangunan Daerah',
    performance: 1.0,
    goals: [
      {
        code: 'G1',
        statement: 'Meningkatnya kualitas perencanaan pembangunan daerah',
        indicators: [indicator('I1', 'Konsistensi program RKPD dengan APBD', '%', 95), indicator('I2', 'Nilai evaluasi SAKIP kabupaten', 'nilai', 70)],
      },
    ],
  },
  {
    code: 'DPUPR',
    name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    performance: 0.84,
    goals: [
      {
        code: 'G1',
        statement: 'Meningkatnya kemantapan jalan kabupaten',
        indicators: [
          indicator('I1', 'Jalan kabupaten dalam kondisi mantap', '%', 78),
          indicator('I2', 'Panjang jalan yang direhabilitasi', 'km', 45, { aggregation: 'SUM' }),
        ],
      },
      {
        code: 'G2',
        statement: 'Meningkatnya akses air minum layak',
        indicators: [indicator('I3', 'Rumah tangga dengan akses air minum layak', '%', 88)],
      },
    ],
  },
  {
    code: 'DINSOS',
    name: 'Dinas Sosial',
    performance: 0.91,
    goals: [
      {
        code: 'G1',
        statement: 'Meningkatnya perlindungan dan jaminan sosial',
        indicators: [
          indicator('I1', 'PPKS yang menerima bantuan sosial', '%', 85),
          indicator('I2', 'Desa dengan data kesejahteraan sosial mutakhir', 'desa', 120, { aggregation: 'SUM' }),
        ],
      },
    ],
  },
  {
    code: 'DLH',
    name: 'Dinas Lingkungan Hidup',
    performance: 0.95,
    awaitingApproval: true,
    goals: [
      {
        code: 'G1',
        statement: 'Meningkatnya kualitas lingkungan hidup',
        indicators: [indicator('I1', 'Indeks kualitas lingkungan hidup', 'indeks', 68), indicator('I2', 'Sampah rumah tangga yang tertangani', '%', 75)],
      },
    ],
  },
];

/** Invented civil servants; NIPs of the right structure (birth date, start of service, sex, sequence). */
const HEADS: Record<string, { nip: string; name: string }> = {
  DINKES: { nip: '197204151998031004', name: 'dr. Hendra Kusumawijaya, M.Kes.' },
  DISDIK: { nip: '197009302000031007', name: 'Drs. Agus Priyanto, M.Pd.' },
  BAPPEDA: { nip: '197511202002122003', name: 'Ir. Wulan Sekarsari, M.T.' },
};

interface Employee {
  nip: string;
  name: string;
  position: string;
  opdCode: string;
  indicatorCode: string;
  statement: string;
  measure: { name: string; unit: string; target: number };
  /** Left submitted: its appraiser has not agreed yet. */
  awaitingAgreement?: boolean;
}

const EMPLOYEES: Employee[] = [
  {
    nip: '198509232010012008',
    name: 'Ratna Puspitasari, S.Gz.',
    position: 'Nutrisionis Ahli Muda',
    opdCode: 'DINKES',
    indicatorCode: 'I1',
    statement: 'Terlaksananya pemantauan pertumbuhan balita di 24 posyandu binaan',
    measure: { name: 'Balita yang ditimbang setiap bulan', unit: '%', target: 95 },
  },
  {
    nip: '199107082019031011',
    name: 'Yudi Pratama, S.KM.',
    position: 'Epidemiolog Kesehatan Ahli Pertama',
    opdCode: 'DINKES',
    indicatorCode: 'I2',
    statement: 'Terlaksananya audit maternal perinatal tepat waktu',
    measure: { name: 'Kasus kematian ibu yang diaudit dalam 30 hari', unit: '%', target: 100 },
  },
  {
    nip: '198802142014021005',
    name: 'Fajar Nugroho, S.E., M.Si.',
    position: 'Perencana Ahli Muda',
    opdCode: 'BAPPEDA',
    indicatorCode: 'I1',
    statement: 'Tersusunnya RKPD yang selaras dengan RPJMD',
    measure: { name: 'Program RKPD yang dianggarkan dalam APBD', unit: '%', target: 95 },
  },
  {
    nip: '199212012020122002',
    name: 'Dewi Anggraini, S.Pd.',
    position: 'Analis Kurikulum',
    opdCode: 'DISDIK',
    indicatorCode: 'I3',
    statement: 'Terfasilitasinya sertifikasi guru sekolah dasar',
    measure: { name: 'Guru SD yang mengikuti PPG', unit: 'orang', target: 180 },
    awaitingAgreement: true,
  },
];

const SECTIONS: Record<string, string> = {
  summary: 'Ringkasan eksekutif: capaian kinerja Dinas Kesehatan tahun ini, indikator yang tercapai dan yang belum, serta langkah perbaikan.',
  introduction: 'Bab I Pendahuluan: tugas pokok dan fungsi, struktur organisasi, sumber daya manusia dan isu strategis Dinas Kesehatan.',
  planning: 'Bab II Perencanaan Kinerja: tujuan, sasaran dan indikator kinerja utama sesuai Renstra dan perjanjian kinerja tahun ini.',
  accountability: 'Bab III Akuntabilitas Kinerja: capaian setiap indikator dibandingkan target, tahun lalu dan target Renstra, beserta realisasi anggaran.',
  closing: 'Bab IV Penutup: simpulan atas capaian kinerja dan rencana tindak lanjut untuk tahun berikutnya.',
};

interface WriteAnswer {
  id: string;
  revision: number;
  position: string;
}

class Refused extends Error {}

function options() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:3000' },
      year: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
  const year = values.year ? Number(values.year) : Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < 2000 || year > Number(today.slice(0, 4)))
    throw new Refused(`--year must be a year from 2000 to this one, not ${values.year}`);
  return { url: values.url.replace(/\/+$/, ''), year, today, force: values.force };
}

/** `npm run token`'s signature: the service accepts these as its own development tokens. */
async function token(claims: { sub: string; name: string; roles: string[]; opd?: string; nip?: string }): Promise<string> {
  const { sub, ...rest } = claims;
  const secret = new TextEncoder().encode(process.env.AUTH_JWT_SECRET ?? DEVELOPMENT_JWT_SECRET);
  return new SignJWT(rest).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuedAt().setExpirationTime('1h').sign(secret);
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A realisation near the unit's performance, moving towards the target as the year goes on. */
function realised(indicator: Indicator, quarter: number, performance: number): number {
  const target = indicator.annualTarget;
  const progress = 0.88 + 0.04 * quarter;
  switch (indicator.aggregation) {
    case 'SUM':
      return round((target / 4) * performance * (0.9 + 0.05 * quarter));
    case 'AVERAGE':
      return round(Math.min(indicator.unit === '%' ? 100 : Infinity, target * performance), 2);
    case 'LAST': {
      if (indicator.polarity === 'LOWER_IS_BETTER') return round((target * (1.12 - 0.04 * quarter)) / performance, target < 5 ? 2 : 1);
      const value = target * performance * progress;
      return round(indicator.unit === '%' ? Math.min(100, value) : value);
    }
  }
}

async function main(): Promise<void> {
  const { url, year, today, force } = options();
  const made: string[] = [];
  let lastPosition = '';

  async function call<T = WriteAnswer>(method: string, path: string, bearer: string | null, body?: unknown, extra: Record<string, string> = {}): Promise<T> {
    const headers: Record<string, string> = { ...extra };
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (error) {
      const cause = (error as Error).cause;
      const why = cause instanceof Error ? cause.message : (error as Error).message;
      throw new Refused(`no service answers at ${url} (${why}): start it with npm start, or give its address with --url`);
    }
    const text = await response.text();
    if (!response.ok) {
      let problem = text;
      try {
        const parsed = JSON.parse(text) as { code?: string; detail?: string };
        problem = `${parsed.code ?? ''} ${parsed.detail ?? ''}`.trim();
      } catch {
        // not a problem document: show it as it came
      }
      const error = new Error(`${method} ${path} answered ${response.status}: ${problem}`) as Error & { status: number };
      error.status = response.status;
      throw error;
    }
    const parsed: unknown = text ? JSON.parse(text) : null;
    const position = (parsed as { position?: unknown } | null)?.position;
    if (method !== 'GET' && typeof position === 'string') lastPosition = position;
    return parsed as T;
  }

  const admin = await token({ sub: 'demo-admin', name: 'Admin Kabupaten (demo)', roles: ['admin'] });
  const inspector = await token({ sub: 'demo-inspektorat', name: 'Inspektur Pembantu Wilayah I (demo)', roles: ['inspector'] });
  const operatorOf = (code: string) =>
    token({ sub: `demo-operator-${code.toLowerCase()}`, name: `Operator ${code} (demo)`, roles: ['opd_operator'], opd: code });
  const headOf = (code: string) =>
    token({
      sub: `demo-kepala-${code.toLowerCase()}`,
      name: HEADS[code]?.name ?? `Kepala ${code} (demo)`,
      roles: ['opd_head'],
      opd: code,
      ...(HEADS[code] ? { nip: HEADS[code].nip } : {}),
    });
  const civilServant = (nip: string, name: string) => token({ sub: `demo-nip-${nip}`, name, roles: ['employee', 'appraiser'], nip });

  // An empty store: no unit registered and no integrity checkpoint (which records events).
  await call('GET', '/health/ready', null).catch((error: Error & { status?: number }) => {
    if (error instanceof Refused) throw error;
    throw new Refused(`the service at ${url} is not ready (${error.message})`);
  });
  const units = await call<{ items: Array<{ code: string }> }>('GET', '/api/v1/opds?limit=500', admin);
  const head = await call<{ events: number; sequence: number }>('GET', '/public/v1/integrity/head', null).catch((error: { status?: number }) => {
    if (error.status === 404) return null;
    throw error;
  });
  if ((units.items.length > 0 || head) && !force) {
    const held = units.items.length > 0 ? `${units.items.length} unit(s) (${units.items.map((unit) => unit.code).join(', ')})` : 'events';
    throw new Refused(
      `the store at ${url} already holds ${held}: the demo fills an empty store only (start the service on a new DATA_DIR or database), or run it with --force to add to this one`,
    );
  }

  const quarterEnd = (quarter: number) => (quarter === 4 ? `${year}-12-31` : addDays(`${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`, -1));
  const ended = [1, 2, 3, 4].filter((quarter) => quarterEnd(quarter) < today);
  // Early in the year no quarter has ended yet: the first, begun, is reported so far.
  const reported = ended.length > 0 ? ended : [1];

  console.log(`Filling ${url} with an invented regency for ${year} (today ${today}, Asia/Jakarta)…`);

  // The units and their plans.
  for (const unit of UNITS) {
    await call('POST', '/api/v1/opds', admin, { code: unit.code, name: unit.name });
    const operator = await operatorOf(unit.code);
    const chief = await headOf(unit.code);
    const plan = `/api/v1/opds/${unit.code}/plans/${year}`;
    await call('POST', plan, operator, { goals: unit.goals });
    await call('POST', `${plan}/submit`, operator);
    if (unit.awaitingApproval) {
      made.push(`${unit.code} ${unit.name}: plan ${year} submitted, awaiting the head's approval`);
      continue;
    }
    await call('POST', `${plan}/approve`, chief);
    for (const quarter of reported) {
      const values = unit.goals.flatMap((goal) =>
        goal.indicators.map((item) => ({ indicatorCode: item.code, value: realised(item, quarter, unit.performance * (0.97 + 0.02 * quarter)) })),
      );
      await call('POST', `${plan}/realisations/${quarter}`, operator, {
        values: [{ ...values[0], evidenceUrl: `https://${unit.code.toLowerCase()}.example.go.id/laporan-tw${quarter}-${year}.pdf` }, ...values.slice(1)],
      });
    }
    made.push(`${unit.code} ${unit.name}: plan ${year} approved, Q${reported.join(', Q')} reported`);
  }

  // One correction, with its reason; one revision, approved.
  {
    const operator = await operatorOf('DINKES');
    const first = UNITS[0].goals[0].indicators[0];
    await call('POST', `/api/v1/opds/DINKES/plans/${year}/realisations/${reported[0]}/corrections`, operator, {
      reason: 'Data penimbangan dari dua puskesmas terlambat masuk; angka diperbaiki sesuai rekapitulasi akhir',
      values: [{ indicatorCode: first.code, value: round(realised(first, reported[0], 1.02) + 1.3) }],
    });
    made.push(`DINKES: Q${reported[0]} corrected (with a reason)`);

    const dpupr = UNITS.find((unit) => unit.code === 'DPUPR')!;
    const revised = dpupr.goals.map((goal) => ({
      ...goal,
      indicators: goal.indicators.map((item) => (item.code === 'I2' ? { ...item, annualTarget: 36 } : item)),
    }));
    const plan = `/api/v1/opds/DPUPR/plans/${year}`;
    await call('POST', `${plan}/revisions`, await operatorOf('DPUPR'), {
      reasonCategory: 'STRATEGY_CHANGED',
      reason: 'Refocusing anggaran untuk penanganan jalan terdampak banjir; target rehabilitasi jalan diturunkan',
      goals: revised,
    });
    await call('POST', `${plan}/submit`, await operatorOf('DPUPR'));
    await call('POST', `${plan}/approve`, await headOf('DPUPR'));
    made.push('DPUPR: plan revised (STRATEGY_CHANGED, a target lowered) and the revision approved');
  }

  // SKPs, cascaded from the plans' indicators, appraised by the heads of their units.
  for (const employee of EMPLOYEES) {
    const appraiser = HEADS[employee.opdCode];
    const self = await civilServant(employee.nip, employee.name);
    const skp = `/api/v1/skp/${employee.nip}/${year}`;
    await call('POST', skp, self, {
      name: employee.name,
      position: employee.position,
      opdCode: employee.opdCode,
      appraiserNip: appraiser.nip,
      results: [
        {
          code: 'R1',
          statement: employee.statement,
          cascadedFrom: { kind: 'PLAN_INDICATOR', opdCode: employee.opdCode, year, indicatorCode: employee.indicatorCode },
          indicators: [{ code: 'K1', ...employee.measure, polarity: 'HIGHER_IS_BETTER' }],
        },
      ],
    });
    await call('POST', `${skp}/submit`, self);
    if (employee.awaitingAgreement) {
      made.push(`SKP ${employee.nip} (${employee.opdCode}): submitted, awaiting agreement`);
      continue;
    }
    const rater = await civilServant(appraiser.nip, appraiser.name);
    await call('POST', `${skp}/agree`, rater);
    for (const quarter of reported) {
      await call('POST', `${skp}/realisations/Q${quarter}`, self, {
        values: [{ indicatorCode: 'K1', value: round(employee.measure.target * (0.85 + 0.04 * quarter)) }],
      });
      await call('POST', `${skp}/evaluations/Q${quarter}`, rater, {
        resultRating: quarter === 1 ? 'AS_EXPECTED' : 'ABOVE_EXPECTATION',
        behaviourRating: 'AS_EXPECTED',
        behaviourNotes: { AKUNTABEL: 'Laporan disampaikan tepat waktu' },
      });
    }
    made.push(`SKP ${employee.nip} (${employee.opdCode}): agreed, Q${reported.join(', Q')} realised and rated`);
  }

  // Two audit findings from the inspectorate, followed up by their units.
  const clampToYear = (date: string) => (date < `${year}-01-01` ? `${year}-01-01` : date > today ? today : date);
  const yearEnd = `${year}-12-31` < today ? `${year}-12-31` : today;
  const findings = [
    {
      opdCode: 'DINKES',
      reportNumber: `LHP-700/015/ITDA/${year}`,
      reportDate: clampToYear(addDays(yearEnd, -40)),
      title: 'Kelebihan pembayaran perjalanan dinas',
      condition: 'Biaya penginapan dibayar penuh untuk 9 perjalanan dinas yang tidak menggunakan penginapan',
      criteria: 'Peraturan Bupati tentang perjalanan dinas',
      cause: 'Bendahara pengeluaran tidak meneliti bukti pertanggungjawaban',
      effect: 'Kelebihan pembayaran sebesar Rp12.750.000',
      category: 'NON_COMPLIANCE',
      amountIdr: 12_750_000,
      recommendations: [
        { text: 'Memerintahkan pelaksana perjalanan dinas menyetorkan kelebihan pembayaran ke kas daerah', amountIdr: 12_750_000 },
        { text: 'Memerintahkan bendahara pengeluaran meneliti kelengkapan bukti sebelum pembayaran' },
      ],
    },
    {
      opdCode: 'DPUPR',
      reportNumber: `LHP-700/021/ITDA/${year}`,
      reportDate: clampToYear(addDays(yearEnd, -75)),
      title: 'Kekurangan volume pekerjaan rehabilitasi jalan',
      condition: 'Tebal lapis aspal pada ruas Sukamaju–Cibening kurang dari spesifikasi kontrak',
      criteria: 'Kontrak pekerjaan dan Peraturan Presiden tentang pengadaan barang/jasa',
      cause: 'Pengawasan lapangan oleh konsultan dan PPK belum memadai',
      effect: 'Kelebihan pembayaran kepada penyedia sebesar Rp48.300.000',
      category: 'INTERNAL_CONTROL',
      amountIdr: 48_300_000,
      recommendations: [
        { text: 'Memproses pengembalian kelebihan pembayaran dari penyedia ke kas daerah', amountIdr: 48_300_000 },
        { text: 'Memerintahkan PPK memperketat pengawasan mutu pekerjaan' },
      ],
    },
  ];
  const [dinkesFinding, dpuprFinding] = [
    await call('POST', '/api/v1/audit-findings', inspector, findings[0]),
    await call('POST', '/api/v1/audit-findings', inspector, findings[1]),
  ];
  {
    const recommendation = (id: string, no: number) => `/api/v1/audit-findings/${id}/recommendations/${no}`;
    const dinkes = await operatorOf('DINKES');
    await call('POST', `${recommendation(dinkesFinding.id, 1)}/follow-ups`, dinkes, {
      description: 'Kelebihan pembayaran telah disetor ke kas daerah oleh sembilan pelaksana',
      evidenceUrl: 'https://dinkes.example.go.id/sts-perjadin.pdf',
      amountSettledIdr: 12_750_000,
    });
    await call('POST', `${recommendation(dinkesFinding.id, 1)}/assessments`, inspector, { status: 'SESUAI', note: 'Bukti setor sesuai dengan nilai temuan' });
    await call('POST', `${recommendation(dinkesFinding.id, 2)}/follow-ups`, dinkes, {
      description: 'Surat perintah kepala dinas kepada bendahara pengeluaran',
    });
    made.push(`finding ${dinkesFinding.id} (DINKES): recommendation 1 settled and assessed SESUAI, 2 followed up, awaiting assessment`);

    const dpupr = await operatorOf('DPUPR');
    await call('POST', `${recommendation(dpuprFinding.id, 1)}/follow-ups`, dpupr, {
      description: 'Penyedia menyetor angsuran pertama',
      amountSettledIdr: 20_000_000,
    });
    await call('POST', `${recommendation(dpuprFinding.id, 1)}/assessments`, inspector, { status: 'BELUM_SESUAI', note: 'Baru Rp20.000.000 dari Rp48.300.000' });
    made.push(`finding ${dpuprFinding.id} (DPUPR): recommendation 1 partly settled (BELUM_SESUAI), 2 not followed up yet`);
  }

  // One LKjIP, from compilation to publication.
  {
    const report = `/api/v1/opds/DINKES/lkjip/${year}`;
    const operator = await operatorOf('DINKES');
    const chief = await headOf('DINKES');
    await call('POST', report, operator);
    for (const [key, text] of Object.entries(SECTIONS)) await call('PUT', `${report}/sections/${key}`, operator, { text });
    await call('POST', `${report}/submit`, chief);
    await call('POST', `${report}/review`, inspector, { outcome: 'ACCEPTED', notes: 'Sistematika sesuai pedoman' });
    await call('POST', `${report}/publish`, chief);
    made.push(`DINKES: LKjIP ${year} compiled, written, submitted, reviewed (ACCEPTED) and published`);
  }

  // The ranking as the portal will show it, once the read models hold the last write.
  const regency = await call<{ items: Array<{ opdCode: string; plan: { achievement: number | null; category: string | null } }> }>(
    'GET',
    `/public/v1/regency/${year}`,
    null,
    undefined,
    { 'X-Min-Position': lastPosition },
  );

  console.log('\nMade:');
  for (const line of made) console.log(`  - ${line}`);
  console.log(`\nThe regency's ranking for ${year}:`);
  regency.items.forEach((item, index) => {
    const name = UNITS.find((unit) => unit.code === item.opdCode)?.name ?? item.opdCode;
    const figure = item.plan.achievement === null ? 'no approved plan yet' : `${item.plan.achievement} (${item.plan.category})`;
    console.log(`  ${index + 1}. ${item.opdCode.padEnd(8)} ${name}: ${figure}`);
  });
  console.log(`
Where to look:
  the portal           ${url}/?year=${year}   (?lang=en in English)
  one unit             ${url}/opd/DINKES/${year}
  the published LKjIP  ${url}/public/v1/opds/DINKES/lkjip/${year}.pdf
  the public feed      ${url}/public/v1/feed
  the API              ${url}/docs (Swagger UI); tokens: npm run -s token -- --role inspector
  step by step         docs/quickstart.md`);
}

main().catch((error: unknown) => {
  if (error instanceof Refused) console.error(`REFUSED: ${error.message}`);
  else console.error(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
