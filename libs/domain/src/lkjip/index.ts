export * from './lkjip.events';
export * from './lkjip-sections';
export * from './lkjip-figures';
export * from './lkjip.decider';
export * from './lkjip-document';
export * from './lkjip-due';
export * from './lkjip.errors';
export * from './lkjip-status-names';
