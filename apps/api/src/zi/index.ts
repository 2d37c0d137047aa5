/** What other slices may use: the module, and the registry where a context adds the LKE items the ledger can answer from its records. */
export { ZiModule } from './zi.module';
export { LedgerSource, LedgerSources } from './ledger-sources';
