/**
 * What other slices may use: the module, the registry where a context adds the LKE items the
 * ledger can answer from its records, and the public records the portal shows.
 */
export { ZiModule } from './zi.module';
export { LedgerSource, LedgerSources, Once } from './ledger-sources';
export { PublicZiQuery } from './zi-queries';
