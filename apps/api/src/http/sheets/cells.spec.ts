import { csvCell, xlsxCell } from './cells';

describe('cells', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+62 812', "'+62 812"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['Dinas Kesehatan', 'Dinas Kesehatan'],
  ])('makes the text %j inert in CSV as %j', (text, cell) => {
    expect(csvCell('text', text, ';', true)).toBe(cell);
  });

  it('quotes a text holding the separator, a quote or a line break', () => {
    expect(csvCell('text', 'a;b', ';', true)).toBe('"a;b"');
    expect(csvCell('text', 'a,b', ';', true)).toBe('a,b');
    expect(csvCell('text', 'say "hi"', ',', false)).toBe('"say ""hi"""');
    expect(csvCell('text', '=a;b', ';', true)).toBe(`"'=a;b"`);
  });

  it('writes numbers as numbers, negative ones too, with the decimal comma only when asked', () => {
    expect(csvCell('number', -12.5, ';', true)).toBe('-12,5');
    expect(csvCell('rupiah', 12_500_000, ',', false)).toBe('12500000');
    expect(csvCell('number', Number.NaN, ';', true)).toBe('');
    expect(csvCell('number', null, ';', true)).toBe('');
  });

  it('says yes or no in Indonesian', () => {
    expect(csvCell('text', true, ';', true)).toBe('Ya');
    expect(xlsxCell('text', false)).toBe('Tidak');
  });

  it('turns dates into dates for XLSX and leaves a text that is no date as text', () => {
    expect(xlsxCell('date', '2025-03-01')).toEqual(new Date(Date.UTC(2025, 2, 1)));
    expect(xlsxCell('datetime', '2025-03-01T10:20:30.000Z')).toEqual(new Date('2025-03-01T10:20:30.000Z'));
    expect(xlsxCell('date', 'soon')).toBe('soon');
  });
});
