import { join } from 'node:path';
import request from 'supertest';
import { Page } from 'playwright-core';
import { Chromium, openChromium } from '../support/chromium';
import { listenOnLoopback, startTestApp, TestApp } from '../support/test-app';
import { TestClock } from '../support/test-clock';
import { bearer, tokenFor } from '../support/tokens';

// The page's globals inside page.evaluate callbacks; the project compiles without the DOM library.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const window: any;
declare const document: any;
/* eslint-enable @typescript-eslint/no-explicit-any */

const SCREENSHOTS = join(__dirname, '../../docs/screenshots');

/** Serious and critical axe-core findings on the page as it is now. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core') });
  const found: Array<{ id: string; impact: string; nodes: unknown[] }> = await page.evaluate(async () => (await window.axe.run()).violations);
  return found
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.nodes.length})`);
}

/**
 * The Lapor page in a real browser (Debian's Chromium): a complaint filed on a phone and followed
 * to its answer, a WBS report filed and followed, axe-core on every page of the way, the
 * screenshots docs/ shows, and the same filing with JavaScript turned off.
 */
describe('the Lapor page in Chromium', () => {
  const clock = new TestClock('2025-06-02');
  let testApp: TestApp;
  let base = '';
  let browser: Chromium;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    testApp = await startTestApp({ REGION_NAME: 'Kabupaten Langkat', ANONYMOUS_WRITES_PER_MINUTE: '1000' }, { clock });
    base = await listenOnLoopback(testApp);
    const admin = bearer(await tokenFor({ roles: ['admin'] }));
    let position = '';
    for (const [code, name] of [
      ['DINKES', 'Dinas Kesehatan'],
      ['DPUPR', 'Dinas Pekerjaan Umum dan Penataan Ruang'],
    ])
      position = (await http().post('/api/v1/opds').set(admin).send({ code, name }).expect(201)).body.position;
    await http().get('/api/v1/opds').set(admin).set('X-Min-Position', position).expect(200);
    // axe is injected as an inline script, which the pages' CSP forbids; this context ignores CSP.
    browser = await openChromium({ bypassCSP: true });
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  const open = async (path: string, width: number, height: number) => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height });
    const answer = await page.goto(`${base}${path}`);
    expect({ path, status: answer?.status() }).toEqual({ path, status: 200 });
    return page;
  };

  it('files a complaint on a phone, shows its codes once, and follows it to the unit’s answer', async () => {
    const page = await open('/lapor', 390, 844);
    expect(await violations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SCREENSHOTS, 'lapor-390x844.png') });
    const form = page.locator('form[action="/lapor/pengaduan"]');
    // Sent empty: the browser asks for what is required, nothing leaves the page.
    await form.getByRole('button', { name: 'Kirim pengaduan' }).click();
    expect(page.url()).toBe(`${base}/lapor`);
    await form.getByLabel('Perangkat daerah yang dituju').selectOption('DPUPR');
    await form.getByLabel('Perihal', { exact: true }).fill('Lampu jalan mati');
    await form.getByLabel('Isi', { exact: true }).fill('Lampu jalan di Jalan Sudirman mati sejak dua minggu');
    await form.getByLabel('Nama', { exact: true }).fill('Budi Santoso');
    await form.getByLabel('Surel', { exact: true }).fill('budi@example.org');
    await form.getByLabel(/boleh ditampilkan untuk umum/).check();
    await form.getByRole('button', { name: 'Kirim pengaduan' }).click();
    await page.waitForURL(`${base}/lapor/pengaduan`);
    expect(await page.locator('h1').innerText()).toBe('Laporan Anda tercatat');
    const codes = await page.locator('dl.codes code').allInnerTexts();
    expect(codes).toHaveLength(2);
    const [trackingCode, followSecret] = codes;
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'lapor-tanda-terima-390x844.png') });

    // The desk verifies, the unit answers; the reporter follows with the two codes, typed in.
    const desk = bearer(await tokenFor({ roles: ['complaint_admin'] }));
    await http()
      .post(`/api/v1/complaints/${trackingCode}/verify`)
      .set(desk)
      .send({ decision: 'VERIFIED', opdCode: 'DPUPR', responseClass: 'INFORMATION' })
      .expect(200);
    const unit = bearer(await tokenFor({ roles: ['opd_operator'], opd: 'DPUPR' }));
    clock.setToday('2025-06-04');
    await http().post(`/api/v1/complaints/${trackingCode}/responses`).set(unit).send({ text: 'Lampu diganti pada 4 Juni' }).expect(200);
    await page.goto(`${base}/lapor`);
    const follow = page.locator('form[action="/lapor/lacak"]');
    await follow.getByLabel('Kode lacak').fill(trackingCode.toLowerCase());
    await follow.getByLabel('Kode rahasia').fill(followSecret);
    await follow.getByRole('button', { name: 'Lacak' }).click();
    await page.waitForURL(`${base}/lapor/lacak`);
    expect(await page.locator('#status-title').innerText()).toBe('Status: Ditanggapi');
    expect(await page.locator('ol.messages').innerText()).toContain('Lampu diganti pada 4 Juni');
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'lapor-lacak-390x844.png'), fullPage: true });
    // The answer suffices: the reporter closes it.
    await page.getByRole('button', { name: 'Tanggapan sudah memadai, selesaikan laporan' }).click();
    await page.waitForURL(`${base}/lapor/pesan`);
    expect(await page.getByRole('status').innerText()).toContain('Terkirim.');
    expect(await page.locator('#status-title').innerText()).toBe('Status: Selesai');
    await page.close();
  });

  it('files a WBS report in English and shows its reporter when the identity was read', async () => {
    const page = await open('/lapor?lang=en', 1280, 800);
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'lapor-1280x800.png') });
    const form = page.locator('form[action="/lapor/wbs"]');
    await form.getByLabel('What happened').fill('A fee was asked for a health certificate');
    await form.getByLabel('Who is reported (position or unit)').fill('Counter staff');
    await form.getByLabel('Links to evidence, one per line (optional, at most 10)').fill('not a link');
    await form.getByRole('button', { name: 'Send report' }).click();
    await page.waitForURL(`${base}/lapor/wbs`);
    // A mistake: the form again, what is wrong, and what was typed kept.
    expect(await page.getByRole('alert').innerText()).toContain('must be an http or https link');
    expect(await form.getByLabel('What happened').inputValue()).toBe('A fee was asked for a health certificate');
    expect(await violations(page)).toEqual([]);
    await form.getByLabel('Links to evidence, one per line (optional, at most 10)').fill('https://evidence.example.org/receipt.jpg');
    await form.getByLabel('Name', { exact: true }).fill('Rina');
    await form.getByLabel('How to reach you').fill('rina@example.org');
    await form.getByRole('button', { name: 'Send report' }).click();
    const [trackingCode] = await page.locator('dl.codes code').allInnerTexts();
    const officer = bearer(await tokenFor({ roles: ['wbs_officer'] }));
    await http().post(`/api/v1/wbs/${trackingCode}/identity-readings`).set(officer).send({ reason: 'Clarification' }).expect(201);
    // "Follow now" carries the pair in the receipt's own form.
    await page.getByRole('button', { name: 'Follow' }).click();
    await page.waitForURL(`${base}/lapor/lacak`);
    expect(await page.locator('#status-title').innerText()).toBe('Status: Received');
    expect(await page.locator('main').innerText()).toContain('Your identity was opened by an officer');
    expect(await page.locator('main').innerText()).not.toContain('Clarification');
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('works with JavaScript turned off: a plain form post answers a page', async () => {
    const plain = await openChromium({ javaScriptEnabled: false });
    try {
      const page = await plain.context.newPage();
      await page.goto(`${base}/lapor`);
      const form = page.locator('form[action="/lapor/pengaduan"]');
      await form.getByLabel('Permintaan informasi').check();
      await form.getByLabel('Perihal', { exact: true }).fill('Jadwal vaksinasi');
      await form.getByLabel('Isi', { exact: true }).fill('Kapan jadwal vaksinasi anak di Puskesmas Stabat?');
      await form.getByRole('button', { name: 'Kirim pengaduan' }).click();
      await page.waitForURL(`${base}/lapor/pengaduan`);
      const [trackingCode, followSecret] = await page.locator('dl.codes code').allInnerTexts();
      await page.getByRole('button', { name: 'Lacak sekarang' }).click();
      await page.waitForURL(`${base}/lapor/lacak`);
      expect(await page.locator('h1').innerText()).toBe(`Lacak laporan ${trackingCode}`);
      expect(await page.locator('#status-title').innerText()).toBe('Status: Diterima, menunggu verifikasi');
      expect(followSecret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    } finally {
      await plain.close();
    }
  });
});
