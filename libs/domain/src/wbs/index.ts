export * from './wbs.events';
export * from './wbs.errors';
export * from './wbs.decider';
export * from './wbs-document';
export * from './wbs-retention';
