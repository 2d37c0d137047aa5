/** What other slices may use of the gratification slice (the participation figures). */
export { GratificationFigures, GratificationFiguresQuery } from './gratification-figures.query';
