export * from './opd.events';
export * from './opd.decider';
export * from './opd.errors';
