export * from './event-store';
export * from './errors';
export * from './position';
export * from './hash-chain';
export * from './canonical-json';
export * from './handle-command';
export * from './in-memory/in-memory-event-store';
export * from './postgres/postgres-event-store';
