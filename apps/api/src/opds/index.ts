/** What other slices may use of the OPD slice. */
export { OpdStatusQuery } from './opd-status.query';
export { PublicOpd, PublicOpdsQuery } from './public-opds.query';
