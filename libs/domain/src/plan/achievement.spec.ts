import { aggregate, capaian, cappedAverage, categoryOf, PERMENDAGRI_86_2017, shown } from './achievement';

describe('achievement (capaian)', () => {
  describe('of one figure against its target', () => {
    it.each`
      polarity              | target | realisation | expected
      ${'HIGHER_IS_BETTER'} | ${90}  | ${94.5}     | ${105}
      ${'HIGHER_IS_BETTER'} | ${80}  | ${82}       | ${102.5}
      ${'HIGHER_IS_BETTER'} | ${100} | ${0}        | ${0}
      ${'HIGHER_IS_BETTER'} | ${3}   | ${1}        | ${33.33}
      ${'HIGHER_IS_BETTER'} | ${0}   | ${5}        | ${null}
      ${'LOWER_IS_BETTER'}  | ${10}  | ${8}        | ${120}
      ${'LOWER_IS_BETTER'}  | ${10}  | ${10}       | ${100}
      ${'LOWER_IS_BETTER'}  | ${10}  | ${15}       | ${50}
      ${'LOWER_IS_BETTER'}  | ${10}  | ${20}       | ${0}
      ${'LOWER_IS_BETTER'}  | ${10}  | ${35}       | ${0}
      ${'LOWER_IS_BETTER'}  | ${0}   | ${0}        | ${100}
      ${'LOWER_IS_BETTER'}  | ${0}   | ${-1}       | ${100}
      ${'LOWER_IS_BETTER'}  | ${0}   | ${0.01}     | ${0}
    `('$polarity, T = $target, R = $realisation: $expected', ({ polarity, target, realisation, expected }) => {
      expect(shown(capaian(polarity, target, realisation))).toBe(expected);
    });

    it('keeps raw values beyond 100 (only averages are capped)', () => {
      expect(capaian('HIGHER_IS_BETTER', 50, 100)).toBe(200);
    });
  });

  describe('aggregating the reported quarters', () => {
    it.each`
      aggregation  | reported            | expected
      ${'LAST'}    | ${[82, 88, 94.5]}   | ${94.5}
      ${'SUM'}     | ${[10, 20, 30, 40]} | ${100}
      ${'AVERAGE'} | ${[80, 90]}         | ${85}
      ${'AVERAGE'} | ${[1, 2, 2]}        | ${5 / 3}
      ${'LAST'}    | ${[]}               | ${null}
      ${'SUM'}     | ${[]}               | ${null}
      ${'AVERAGE'} | ${[]}               | ${null}
      ${'SUM'}     | ${[0, 0]}           | ${0}
    `('$aggregation of $reported is $expected', ({ aggregation, reported, expected }) => {
      expect(aggregate(aggregation, reported)).toBe(expected);
    });
  });

  describe('averages', () => {
    it('cap each value before averaging', () => expect(cappedAverage([105, 200], 120)).toBe(112.5));
    it('leave out what has no value yet', () => expect(cappedAverage([null, 90, null], 120)).toBe(90));
    it('are null when nothing has a value', () => expect(cappedAverage([null, null], 120)).toBeNull());
    it('take the cap as configured', () => expect(cappedAverage([150, 50], 100)).toBe(75));
  });

  describe('rounding', () => {
    it.each`
      raw          | expected
      ${1.005}     | ${1.01}
      ${33.335}    | ${33.34}
      ${66.664999} | ${66.66}
      ${100 / 3}   | ${33.33}
    `('shows $raw as $expected', ({ raw, expected }) => expect(shown(raw)).toBe(expected));
  });

  describe('the Permendagri 86/2017 scale', () => {
    it.each`
      value    | category
      ${120}   | ${'SANGAT_TINGGI'}
      ${91}    | ${'SANGAT_TINGGI'}
      ${90.99} | ${'TINGGI'}
      ${76}    | ${'TINGGI'}
      ${75.99} | ${'SEDANG'}
      ${66}    | ${'SEDANG'}
      ${65.99} | ${'RENDAH'}
      ${51}    | ${'RENDAH'}
      ${50.99} | ${'SANGAT_RENDAH'}
      ${0}     | ${'SANGAT_RENDAH'}
      ${null}  | ${null}
    `('puts $value in $category', ({ value, category }) => expect(categoryOf(value, PERMENDAGRI_86_2017)).toBe(category));

    it('is replaceable by another scale', () => {
      const strict = {
        name: 'STRICT',
        bands: [
          { category: 'BAIK', min: 100 },
          { category: 'KURANG', min: 0 },
        ],
      };
      expect(categoryOf(99.99, strict)).toBe('KURANG');
      expect(categoryOf(100, strict)).toBe('BAIK');
    });
  });
});
