import { Predikat, Rating } from './skp.events';

/**
 * PermenPANRB 6/2022's matrix (docs docs/domain.md, SKP 5): rows the result rating, columns the
 * behaviour rating. Poor behaviour caps even excellent results at KURANG (misconduct), and
 * only both ratings above expectation make SANGAT_BAIK.
 */
const MATRIX: Readonly<Record<Rating, Readonly<Record<Rating, Predikat>>>> = {
  ABOVE_EXPECTATION: { BELOW_EXPECTATION: 'KURANG', AS_EXPECTED: 'BAIK', ABOVE_EXPECTATION: 'SANGAT_BAIK' },
  AS_EXPECTED: { BELOW_EXPECTATION: 'KURANG', AS_EXPECTED: 'BAIK', ABOVE_EXPECTATION: 'BAIK' },
  BELOW_EXPECTATION: { BELOW_EXPECTATION: 'SANGAT_KURANG', AS_EXPECTED: 'BUTUH_PERBAIKAN', ABOVE_EXPECTATION: 'BUTUH_PERBAIKAN' },
};

export const predikatOf = (resultRating: Rating, behaviourRating: Rating): Predikat => MATRIX[resultRating][behaviourRating];
