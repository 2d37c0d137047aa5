export * from './sql';
export * from './database';
export * from './postgres-database';
export * from './embedded';
export * from './open-database';
export * from './migrations/migrate-schema';
