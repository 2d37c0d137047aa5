import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PREREQUISITE_RULES } from '@app/domain/zi';
import { validateEnvironment } from './environment';

describe('configuration', () => {
  it('defaults to the embedded database on port 3000 with projections in process', () => {
    expect(validateEnvironment({})).toMatchObject({
      PORT: 3000,
      DATA_DIR: './data',
      EVENT_STORE: 'postgres',
      PROJECTIONS_INLINE: true,
      DATABASE_URL: undefined,
    });
  });

  it('reads PORT and PROJECTIONS_INLINE from their string form', () => {
    expect(validateEnvironment({ PORT: '8080', PROJECTIONS_INLINE: 'false' })).toMatchObject({ PORT: 8080, PROJECTIONS_INLINE: false });
  });

  it('names the variable that is wrong', () => {
    expect(() => validateEnvironment({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => validateEnvironment({ EVENT_STORE: 'mongo' })).toThrow(/EVENT_STORE/);
  });

  it('says what PORT takes in one message, not three range messages', () => {
    expect(() => validateEnvironment({ PORT: 'abc' })).toThrow(
      /^Invalid configuration: PORT must be a port number \(1 to 65535, or 0 for any free port\) \(it is "abc"\)$/,
    );
  });

  it('refuses to run in production on the development secret', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(/AUTH_JWT_SECRET/);
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(validateEnvironment({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'x'.repeat(32), PERSONAL_DATA_KEY: key }).AUTH_JWT_SECRET).toBe('x'.repeat(32));
  });

  it('refuses to run in production without PERSONAL_DATA_KEY, and a malformed one anywhere, naming the variable but never its value', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'x'.repeat(32) })).toThrow(/PERSONAL_DATA_KEY is required/);
    expect(() => validateEnvironment({ PERSONAL_DATA_KEY: 'c2hvcnQ=' })).toThrow(/PERSONAL_DATA_KEY/);
    expect(() => validateEnvironment({ PERSONAL_DATA_KEY: 'c2hvcnQ=' })).not.toThrow(/c2hvcnQ/);
  });

  it('takes LKJIP_DUE as a month and day of the next year, absent by default (the end of February)', () => {
    expect(validateEnvironment({}).LKJIP_DUE).toBeUndefined();
    expect(validateEnvironment({ LKJIP_DUE: '03-31' }).LKJIP_DUE).toBe('03-31');
    expect(validateEnvironment({ LKJIP_DUE: '02-29' }).LKJIP_DUE).toBe('02-29');
    for (const setting of ['02-30', '2026-03-31', '3-31', '']) expect(() => validateEnvironment({ LKJIP_DUE: setting })).toThrow(/LKJIP_DUE/);
  });

  it('takes REGION_NAME as one line of text, a placeholder by default', () => {
    expect(validateEnvironment({}).REGION_NAME).toBe('Kabupaten Contoh');
    expect(validateEnvironment({ REGION_NAME: 'Kota Sibolga' }).REGION_NAME).toBe('Kota Sibolga');
    for (const setting of ['', ' Kabupaten Langkat', 'Kabupaten\nLangkat', 'x'.repeat(81)])
      expect(() => validateEnvironment({ REGION_NAME: setting })).toThrow(/REGION_NAME/);
  });

  it('takes GRATIFICATION_EXEMPTIONS as occasion limits, with Peraturan KPK 1/2026’s as defaults', () => {
    expect(validateEnvironment({}).GRATIFICATION_EXEMPTIONS).toBe('WEDDING:1500000,CEREMONY:1500000,COLLEAGUE:500000');
    expect(validateEnvironment({ GRATIFICATION_EXEMPTIONS: 'WEDDING:2000000' }).GRATIFICATION_EXEMPTIONS).toBe('WEDDING:2000000');
    expect(() => validateEnvironment({ GRATIFICATION_EXEMPTIONS: 'BIRTHDAY:100' })).toThrow(/GRATIFICATION_EXEMPTIONS must look like/);
    expect(() => validateEnvironment({ GRATIFICATION_EXEMPTIONS: 'WEDDING:1,WEDDING:2' })).toThrow(/names an occasion twice/);
  });

  it('takes ZI_PREREQUISITES as the regency’s rules per predikat, with the defaults of docs/domain.md', () => {
    expect(validateEnvironment({}).ziPrerequisiteRules).toEqual(DEFAULT_PREREQUISITE_RULES);
    expect(validateEnvironment({ ZI_PREREQUISITES: 'WBBM:WTP/A/BB,WBK:WDP/B/C' }).ziPrerequisiteRules).toEqual({
      WBK: { bpkOpinion: 'WDP', minimumSakip: 'B', minimumIndeksRb: 'C' },
      WBBM: { bpkOpinion: 'WTP', minimumSakip: 'A', minimumIndeksRb: 'BB' },
    });
    for (const setting of [
      'WBK:WTP/B/CC',
      'WBK:WTP/B/CC,WBK:WTP/B/CC',
      'WBK:WTP/E/CC,WBBM:WTP/BB/B',
      'WBK:OK/B/CC,WBBM:WTP/BB/B',
      'wbk:WTP/B/CC,WBBM:WTP/BB/B',
    ])
      expect(() => validateEnvironment({ ZI_PREREQUISITES: setting })).toThrow(/ZI_PREREQUISITES must look like WBK:WTP\/B\/CC,WBBM:WTP\/BB\/B/);
  });

  it('takes HOLIDAYS as a list of dates or a file of them, naming the line of a bad one', () => {
    expect(validateEnvironment({}).holidays).toEqual([]);
    expect(validateEnvironment({ HOLIDAYS: '2026-08-17,2026-12-25' }).holidays).toEqual(['2026-08-17', '2026-12-25']);
    expect(() => validateEnvironment({ HOLIDAYS: '2026-02-30' })).toThrow(/HOLIDAYS: "2026-02-30" is not a date/);
    expect(() => validateEnvironment({ HOLIDAYS: 'tomorrow' })).toThrow(/HOLIDAYS must be dates/);
    const folder = mkdtempSync(join(tmpdir(), 'holidays-'));
    const file = join(folder, 'holidays.txt');
    writeFileSync(file, '# Libur nasional 2026\n2026-08-17\n\n2026-12-25 # Natal\n');
    expect(validateEnvironment({ HOLIDAYS: `@${file}` }).holidays).toEqual(['2026-08-17', '2026-12-25']);
    writeFileSync(file, '2026-08-17\n17 Agustus\n');
    expect(() => validateEnvironment({ HOLIDAYS: `@${file}` })).toThrow(`HOLIDAYS ${file}:2: "17 Agustus" is not a date`);
    expect(() => validateEnvironment({ HOLIDAYS: `@${folder}/missing.txt` })).toThrow(/cannot be read \(ENOENT\)/);
    rmSync(folder, { recursive: true });
  });

  it('takes TRUSTED_PROXIES as addresses, CIDRs or proxy-addr names, and the anonymous write limit as a whole number', () => {
    expect(validateEnvironment({}).TRUSTED_PROXIES).toBeUndefined();
    expect(validateEnvironment({ TRUSTED_PROXIES: '10.0.0.0/8,127.0.0.1,loopback' }).TRUSTED_PROXIES).toBe('10.0.0.0/8,127.0.0.1,loopback');
    expect(() => validateEnvironment({ TRUSTED_PROXIES: 'everyone' })).toThrow(/TRUSTED_PROXIES must be addresses/);
    expect(validateEnvironment({}).ANONYMOUS_WRITES_PER_MINUTE).toBe(20);
    expect(() => validateEnvironment({ ANONYMOUS_WRITES_PER_MINUTE: '0' })).toThrow(/ANONYMOUS_WRITES_PER_MINUTE/);
  });

  it('warns of a held-back log horizon after a minute by default, after LOG_HORIZON_WARN_SECONDS when set', () => {
    expect(validateEnvironment({}).LOG_HORIZON_WARN_SECONDS).toBe(60);
    expect(validateEnvironment({ LOG_HORIZON_WARN_SECONDS: '5' }).LOG_HORIZON_WARN_SECONDS).toBe(5);
    expect(() => validateEnvironment({ LOG_HORIZON_WARN_SECONDS: '0' })).toThrow(/LOG_HORIZON_WARN_SECONDS must be a whole number from 1 to 86400/);
  });

  it('refuses a short secret', () => {
    expect(() => validateEnvironment({ AUTH_JWT_SECRET: 'short' })).toThrow(/AUTH_JWT_SECRET/);
  });

  it('requires a connection string for EventStoreDB', () => {
    expect(() => validateEnvironment({ EVENT_STORE: 'eventstoredb' })).toThrow(/EVENTSTORE_CONNECTION_STRING/);
  });
});
