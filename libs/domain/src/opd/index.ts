export * from './opd.events';
export * from './opd.decider';
