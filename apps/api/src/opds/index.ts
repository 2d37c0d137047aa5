/** What other slices may use of the OPD slice. */
export { OpdStatusQuery } from './opd-status.query';
