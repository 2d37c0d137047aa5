import { Database } from '@app/database';
import { DATABASE } from '@app/platform';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { TestClock } from '../support/test-clock';
import { bearer, tokenFor } from '../support/tokens';

const KEY = '3b2f6c1e-8d4a-4e7b-9f0c-1a2b3c4d5e6f';
const complaintForm = (fields: Record<string, string> = {}) => ({
  kunci: KEY,
  lang: 'id',
  kind: 'PENGADUAN',
  opdCode: 'DINKES',
  subject: 'Antrean puskesmas',
  text: 'Antrean di Puskesmas Stabat sampai tiga jam',
  location: 'Stabat',
  contactName: 'Budi Santoso',
  contactEmail: 'budi@example.org',
  contactPhone: '',
  publicText: 'ya',
  ...fields,
});

/** The codes a receipt page shows, as a person reads them off it. */
function codesOf(html: string): { trackingCode: string; followSecret: string | undefined } {
  const codes = [...html.matchAll(/<code>([^<]+)<\/code>/g)].map((match) => match[1]);
  return { trackingCode: codes[0], followSecret: codes[1] };
}

/** The portal's Lapor page and its plain HTML forms, through the real app, as a browser without JavaScript sends them. */
describe('the portal’s Lapor forms over HTTP', () => {
  const clock = new TestClock('2025-06-02');
  let testApp: TestApp;
  let database: Database;
  const http = () => request(testApp.app.getHttpServer());
  const post = (path: string, fields: Record<string, string>) =>
    http().post(path).set('Content-Type', 'application/x-www-form-urlencoded').send(new URLSearchParams(fields).toString());
  const events = async () => Number((await database.pool.query<{ count: string }>('SELECT count(*) AS count FROM kl_events')).rows[0].count);

  beforeAll(async () => {
    testApp = await startTestApp({ ANONYMOUS_WRITES_PER_MINUTE: '1000' }, { clock });
    database = testApp.app.get(DATABASE);
    const admin = bearer(await tokenFor({ roles: ['admin'] }));
    const registered = await http().post('/api/v1/opds').set(admin).send({ code: 'DINKES', name: 'Dinas Kesehatan' }).expect(201);
    // The page lists the units from the registry's read model: wait until it holds this one.
    await http().get('/api/v1/opds').set(admin).set('X-Min-Position', registered.body.position).expect(200);
  });
  afterAll(() => testApp.close());

  it('offers the three forms in Indonesian first, never cached, and links to them from every page', async () => {
    const page = await http().get('/lapor').expect(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toContain('<html lang="id">');
    expect(page.text).toContain('action="/lapor/pengaduan"');
    expect(page.text).toContain('action="/lapor/wbs"');
    expect(page.text).toContain('action="/lapor/lacak"');
    expect(page.text).toContain('<option value="DINKES" >Dinas Kesehatan</option>');
    const english = await http().get('/lapor?lang=en').expect(200);
    expect(english.text).toContain('Report wrongdoing (whistleblowing)');
    expect((await http().get('/').expect(200)).text).toContain('href="/lapor"');
  });

  it('files a complaint from the form, shows its codes once, and files it once however often the form is sent', async () => {
    const before = await events();
    const receipt = await post('/lapor/pengaduan', complaintForm()).expect(201);
    expect(receipt.headers['cache-control']).toBe('no-store');
    expect(receipt.headers.location).toBeUndefined();
    const { trackingCode, followSecret } = codesOf(receipt.text);
    expect(trackingCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(followSecret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const again = await post('/lapor/pengaduan', complaintForm()).expect(201);
    expect(codesOf(again.text)).toEqual({ trackingCode, followSecret: undefined });
    expect(again.text).toContain('sudah tercatat sebelumnya');
    expect(await events()).toBe(before + 1);

    // The pair opens it, through the same doors as the JSON API.
    const followed = await http().get(`/public/v1/complaints/${trackingCode}`).set('X-Follow-Secret', followSecret!).expect(200);
    expect(followed.body).toMatchObject({ subject: 'Antrean puskesmas', opdCode: 'DINKES', publicText: true });
  });

  it('answers a form with a mistake with the form again, what is wrong in Indonesian, and what was typed kept', async () => {
    const before = await events();
    const page = await post(
      '/lapor/pengaduan',
      complaintForm({ subject: '  ', contactEmail: 'bukan-surel', kunci: '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }),
    ).expect(400);
    expect(page.text).toContain('role="alert"');
    expect(page.text).toContain('Perihal: wajib diisi');
    expect(page.text).toContain('Surel: bukan alamat surel');
    expect(page.text).toContain('Antrean di Puskesmas Stabat sampai tiga jam</textarea>');
    expect(await events()).toBe(before);
  });

  it('answers a body that is not a plain form, with fields that are not text, with a page and never a 500', async () => {
    const before = await events();
    const odd = {
      kunci: KEY,
      lang: ['en'],
      kind: 1,
      subject: ['Antrean'],
      text: { isi: 'x' },
      allegation: 7,
      concerning: null,
      evidenceUrls: 5,
      contactName: {},
    };
    for (const path of ['/lapor/pengaduan', '/lapor/wbs']) await http().post(path).send(odd).expect(400);
    await http().post('/lapor/lacak').send({ kode: 5, rahasia: {} }).expect(404);
    await http()
      .post('/lapor/pesan')
      .send({ jenis: 'wbs', kode: [], rahasia: 1, teks: { x: 1 } })
      .expect(404);
    expect(await events()).toBe(before);
  });

  it('follows a complaint with its code and secret, answers the desk’s question, and refuses a wrong pair as a stranger', async () => {
    const { trackingCode, followSecret } = codesOf(
      (await post('/lapor/pengaduan', complaintForm({ kunci: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a' })).expect(201)).text,
    );
    const desk = bearer(await tokenFor({ roles: ['complaint_admin'] }));
    await http()
      .post(`/api/v1/complaints/${trackingCode}/verify`)
      .set(desk)
      .send({ decision: 'NEEDS_INFO', question: 'Jam berapa antrean terjadi?' })
      .expect(200);
    const page = await post('/lapor/lacak', { kode: trackingCode, rahasia: followSecret!, lang: 'id' }).expect(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toContain('Perlu keterangan tambahan dari Anda');
    expect(page.text).toContain('Jam berapa antrean terjadi?');
    expect(page.text).toContain('name="aksi" value="jawab"');
    const answered = await post('/lapor/pesan', {
      jenis: 'complaint',
      kode: trackingCode,
      rahasia: followSecret!,
      aksi: 'jawab',
      teks: 'Pukul 08.00 sampai 11.00',
      lang: 'id',
    }).expect(200);
    expect(answered.text).toContain('Terkirim.');
    expect(answered.text).toContain('Diterima, menunggu verifikasi');
    expect(answered.text).toContain('Pukul 08.00 sampai 11.00');

    const wrong = await post('/lapor/lacak', { kode: trackingCode, rahasia: 'salah', lang: 'id' }).expect(404);
    expect(wrong.text).toContain('Kode lacak atau kode rahasia tidak cocok');
    expect(wrong.text).not.toContain('Antrean');
    await post('/lapor/pesan', { jenis: 'complaint', kode: trackingCode, rahasia: 'salah', aksi: 'terima', lang: 'id' }).expect(404);
  });

  it('files a WBS report from the form and shows its reporter when the identity was read, never by whom', async () => {
    const receipt = await post('/lapor/wbs', {
      kunci: '0a9b8c7d-6e5f-4a3b-9c1d-0e9f8a7b6c5d',
      lang: 'id',
      allegation: 'Pungutan untuk surat keterangan sehat',
      concerning: 'Petugas loket',
      when: '',
      where: '',
      evidenceUrls: 'https://bukti.example.org/1.jpg\r\nhttps://bukti.example.org/2.jpg',
      identityName: 'Rina',
      identityContact: 'rina@example.org',
    }).expect(201);
    const { trackingCode, followSecret } = codesOf(receipt.text);
    const officer = bearer(await tokenFor({ roles: ['wbs_officer'], name: 'Petugas Satu' }));
    const read = await http().post(`/api/v1/wbs/${trackingCode}/identity-readings`).set(officer).send({ reason: 'Klarifikasi' }).expect(201);
    expect(read.body.identity).toEqual({ name: 'Rina', contact: 'rina@example.org' });
    const report = await http().get(`/api/v1/wbs/${trackingCode}`).set(officer).set('X-Min-Position', read.body.position).expect(200);
    expect(report.body.evidenceUrls).toEqual(['https://bukti.example.org/1.jpg', 'https://bukti.example.org/2.jpg']);

    const page = await post('/lapor/lacak', { kode: trackingCode, rahasia: followSecret!, lang: 'id' }).expect(200);
    expect(page.text).toContain('Identitas Anda dibuka petugas');
    expect(page.text).toContain('datetime="2025-06-02"');
    expect(page.text).not.toMatch(/Petugas Satu|Klarifikasi/);
    const sent = await post('/lapor/pesan', {
      jenis: 'wbs',
      kode: trackingCode,
      rahasia: followSecret!,
      aksi: 'pesan',
      teks: 'Saya punya kuitansi',
      lang: 'id',
    }).expect(200);
    expect(sent.text).toContain('Saya punya kuitansi');
    // A message past the JSON endpoint's limit: the page says what is wrong, nothing is written.
    const before = await events();
    const long = await post('/lapor/pesan', {
      jenis: 'wbs',
      kode: trackingCode,
      rahasia: followSecret!,
      aksi: 'pesan',
      teks: 'x'.repeat(10_001),
      lang: 'id',
    }).expect(400);
    expect(long.text).toContain('Isi: terlalu panjang');
    expect(await events()).toBe(before);
  });

  it('shows a unit’s complaint figures on its page, counts only', async () => {
    // Filed through the JSON endpoint, whose answer names its position: the figures are read at it.
    const filed = await http()
      .post('/public/v1/complaints')
      .send({ kind: 'ASPIRASI', opdCode: 'DINKES', subject: 'Taman', text: 'Tambah taman', publicText: false })
      .expect(201);
    const scorecard = await http().get('/public/v1/participation/DINKES/2025').set('X-Min-Position', filed.body.position).expect(200);
    // Two filed through the form, this one through JSON.
    expect(scorecard.body.complaints.received).toBe(3);
    const page = await http().get('/opd/DINKES/2025').expect(200);
    expect(page.text).toContain('Pengaduan masyarakat');
    expect(page.text).toContain(`<td class="num">${scorecard.body.complaints.received}</td>`);
    expect(page.text).not.toMatch(/Budi|budi@example|Antrean di Puskesmas/);
  });
});
