export * from './shared/domain-error';
export * from './shared/caller';
export * from './shared/working-days';
