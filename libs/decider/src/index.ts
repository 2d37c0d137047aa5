export * from './actor';
export * from './command';
export * from './decider';
