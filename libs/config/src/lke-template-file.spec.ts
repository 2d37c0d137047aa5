import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, validateEnvironment } from './environment';

/** The default file as JSON, to be changed one fault at a time. */
interface TemplateJson {
  id: string;
  areas: unknown[];
  items: Array<{ code: string; weight: number; answerType: string }>;
  thresholds: { WBK: { items: Record<string, number> } };
  surveySets: Partial<Record<'IPAK' | 'IPKP', Array<{ code: string; text: string }>>>;
}

const DEFAULT_FILE = join(__dirname, '../../../lke/LKE-ZI-PERMENPANRB-90-2021.json');

describe('the LKE template setting', () => {
  let folder: string;
  beforeAll(() => (folder = mkdtempSync(join(tmpdir(), 'lke-'))));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  /** The default file changed by `change`, written where LKE_TEMPLATE_FILE can name it. */
  const variant = (name: string, change: (template: TemplateJson) => void): string => {
    const template = JSON.parse(readFileSync(DEFAULT_FILE, 'utf8')) as TemplateJson;
    change(template);
    const file = join(folder, name);
    writeFileSync(file, JSON.stringify(template));
    return file;
  };

  it('loads the repository default with the weights of docs/domain.md and the file’s SHA-256', () => {
    const { lkeTemplate } = validateEnvironment({});
    expect(lkeTemplate.id).toBe('LKE-ZI-PERMENPANRB-90-2021');
    expect(lkeTemplate.sha256).toBe(createHash('sha256').update(readFileSync(DEFAULT_FILE)).digest('hex'));
    expect(lkeTemplate.areas.map((area) => [area.code, area.pemenuhan, area.reform])).toEqual([
      ['MANAJEMEN_PERUBAHAN', 4, 4],
      ['PENATAAN_TATALAKSANA', 3.5, 3.5],
      ['PENATAAN_SDM', 5, 5],
      ['PENGUATAN_AKUNTABILITAS', 5, 5],
      ['PENGUATAN_PENGAWASAN', 7.5, 7.5],
      ['PELAYANAN_PUBLIK', 5, 5],
    ]);
    expect(lkeTemplate.items.filter((item) => item.part === 'HASIL').map((item) => [item.code, item.answerType, item.weight])).toEqual([
      ['IPAK', 'SURVEY', 17.5],
      ['CAPAIAN_KINERJA', 'ABCD', 5],
      ['IPKP', 'SURVEY', 17.5],
    ]);
    expect(lkeTemplate.thresholds.WBBM).toEqual({ total: 85, pengungkit: 48, areaShare: 75, items: { IPAK: 15.75, CAPAIAN_KINERJA: 2.5, IPKP: 15.75 } });
  });

  it('loads a region’s own file', () => {
    const file = variant('own.json', (template) => (template.id = 'LKE-KAB-CONTOH-2026'));
    expect(validateEnvironment({ LKE_TEMPLATE_FILE: file }).lkeTemplate.id).toBe('LKE-KAB-CONTOH-2026');
  });

  it.each([
    ['weights that do not add up', (t: TemplateJson) => (t.items[0].weight += 1), /the items of MANAJEMEN_PERUBAHAN PEMENUHAN weigh 5, not 4/],
    ['a code twice', (t: TemplateJson) => (t.items[1].code = t.items[0].code), /item code MP\.P\.1a appears twice/],
    ['an unknown answer type', (t: TemplateJson) => (t.items[0].answerType = 'STARS'), /item MP\.P\.1a: answerType must be one of/],
    ['a threshold on no item', (t: TemplateJson) => (t.thresholds.WBK.items.NOPE = 1), /thresholds\.WBK\.items names NOPE/],
    ['an area missing', (t: TemplateJson) => t.areas.pop(), /areas must name each change area once; wrong for PELAYANAN_PUBLIK/],
    ['no IPKP survey set', (t: TemplateJson) => delete t.surveySets.IPKP, /surveySets\.IPKP must be a list of 1 to 50 questions/],
    ['a survey question twice', (t: TemplateJson) => (t.surveySets.IPAK![1].code = 'A1'), /surveySets\.IPAK names A1 twice/],
  ])('stops the start on %s, naming the file and the fault', (name, change, fault) => {
    const file = variant(`${name.replace(/\W/g, '-')}.json`, change);
    expect(() => validateEnvironment({ LKE_TEMPLATE_FILE: file })).toThrow(ConfigurationError);
    expect(() => validateEnvironment({ LKE_TEMPLATE_FILE: file })).toThrow(
      new RegExp(`LKE_TEMPLATE_FILE ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ${fault.source}`),
    );
  });

  it('stops the start on a file that cannot be read or is not JSON', () => {
    expect(() => validateEnvironment({ LKE_TEMPLATE_FILE: join(folder, 'missing.json') })).toThrow(/cannot be read \(ENOENT\)/);
    const broken = join(folder, 'broken.json');
    writeFileSync(broken, '{ "id": ');
    expect(() => validateEnvironment({ LKE_TEMPLATE_FILE: broken })).toThrow(/is not JSON/);
  });
});
