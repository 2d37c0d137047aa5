export * from './finding-tally';
export * from './lkjip-progress';
export * from './red-flags';
export * from './scorecard';
export * from './skp-tally';
